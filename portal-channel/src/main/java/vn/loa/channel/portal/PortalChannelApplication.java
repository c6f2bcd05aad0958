package vn.loa.channel.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The commune portal's CCHC column: a channel app (one {@code Channel} bean) that also serves the public pages. */
@SpringBootApplication
public class PortalChannelApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalChannelApplication.class, args);
    }
}
