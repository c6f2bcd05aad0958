package vn.loa.channel;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The address people reach Loa at ({@code loa.public-url}, the gateway's public URL): the links a channel gives out
 * (a portal page, a radio recording, a playlist) start with it.
 */
@ConfigurationProperties("loa")
@Validated
public record PublicSite(
        @DefaultValue("http://127.0.0.1:8080") @Pattern(regexp = "https?://\\S+", message = "phải là địa chỉ http(s)")
        String publicUrl) {

    public PublicSite {
        publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    }

    /** The public address of a path on this site ({@code path} starts with a slash). */
    public String link(String path) {
        return publicUrl + path;
    }
}
