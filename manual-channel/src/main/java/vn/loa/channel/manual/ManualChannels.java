package vn.loa.channel.manual;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.loa.channel.ChannelInfo;
import vn.loa.channel.manual.publication.ManualPublications;
import vn.loa.contracts.content.VisualProduct;

/**
 * The outside channels this app stands in for, one {@code Channel} bean each (their ids are {@code loa.channel.ids}
 * in application.yml). Kinds are the lowercase product-kind codes each channel can carry; all need a URL from the
 * operator ({@code needsUrl=true}).
 */
@Configuration(proxyBeanMethods = false)
class ManualChannels {

    @Bean
    ManualChannel provincePortalChannel(ManualPublications publications) {
        return new ManualChannel(new ChannelInfo("province-portal", "Trang thông tin CCHC của tỉnh/thành phố",
                List.of("news", "article", "photo", "reportage", "video", "infographic", "poster", "leaflet",
                        "column", "document", "announcement"), true), publications);
    }

    @Bean
    ManualChannel pressChannel(ManualPublications publications) {
        return new ManualChannel(new ChannelInfo("press", "Báo chí",
                List.of("news", "article", "photo", "reportage", "video", "audio", "infographic", "column"), true),
                publications);
    }

    @Bean
    ManualChannel zaloOaChannel(ManualPublications publications) {
        return new ManualChannel(new ChannelInfo("zalo-oa", "Zalo OA",
                List.of("news", "article", "photo", "video", "audio", "infographic", "poster", "leaflet",
                        "document", "announcement"), true), publications);
    }

    @Bean
    ManualChannel facebookChannel(ManualPublications publications) {
        return new ManualChannel(new ChannelInfo("facebook", "Facebook",
                List.of("news", "article", "photo", "reportage", "video", "infographic", "poster", "leaflet",
                        "announcement"), true), publications);
    }

    @Bean
    ManualChannel youtubeChannel(ManualPublications publications) {
        return new ManualChannel(new ChannelInfo("youtube", "YouTube", List.of("video", "reportage"), true),
                publications);
    }

    @Bean
    ManualChannel tiktokChannel(ManualPublications publications) {
        return new ManualChannel(new ChannelInfo("tiktok", "TikTok", List.of("video"), true), publications);
    }

    /**
     * Trực quan (issue 19): pano, banners, posters, leaflets, notice boards, printed documents. Nothing is posted
     * anywhere: a request waits here until a commune officer records the product in content-service (kind, place,
     * quantity, day, photo), whose {@code ContentPublished} closes it ({@code PublishedElsewhere}); the operator's
     * URL confirmation does not apply ({@code ManualDesk}).
     */
    @Bean
    ManualChannel trucQuanChannel(ManualPublications publications) {
        return new ManualChannel(new ChannelInfo(VisualProduct.CHANNEL,
                "Trực quan (pano, băng rôn, tờ rơi, bảng tin, tài liệu)",
                List.of("banner", "poster", "leaflet", "notice", "handout", "infographic", "document"), true),
                publications);
    }
}
