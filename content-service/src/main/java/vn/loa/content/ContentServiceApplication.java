package vn.loa.content;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * content-service: content items and activities — write, approve, publish on the channels that registered, and
 * record what happened. Produces {@code content.item.events} and {@code channel.<id>.requests}; consumes
 * {@code channel.publication.events} and {@code channel.registry} (see README.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ContentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContentServiceApplication.class, args);
    }
}
