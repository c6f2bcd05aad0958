package vn.loa.channel.radio;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The commune loudspeaker system: a channel app (one {@code Channel} bean) that also serves audio and playlists. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RadioChannelApplication {

    public static void main(String[] args) {
        SpringApplication.run(RadioChannelApplication.class, args);
    }
}
