package vn.loa.channel.manual;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The channels Loa cannot reach from here (they need accounts and tokens): the province's CCHC page, the press, Zalo
 * OA, Facebook, YouTube, TikTok. One {@code Channel} bean per channel id, built only from {@code channel-library}; a
 * request waits until an operator publishes the item by hand and confirms it with its URL
 * ({@code /api/manual-publications}).
 */
@SpringBootApplication
public class ManualChannelApplication {

    public static void main(String[] args) {
        SpringApplication.run(ManualChannelApplication.class, args);
    }
}
