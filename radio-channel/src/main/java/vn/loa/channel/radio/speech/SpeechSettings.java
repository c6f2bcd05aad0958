package vn.loa.channel.radio.speech;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a bulletin is read out ({@code loa.radio.*}); a wrong value stops the app at start with its name.
 *
 * @param espeak         the speech program (eSpeak NG)
 * @param lame           the MP3 encoder (LAME)
 * @param wordsPerMinute the pace (eSpeak NG takes 80 to 450)
 * @param timeout        how long one reading may take
 */
@ConfigurationProperties("loa.radio")
@Validated
public record SpeechSettings(
        @DefaultValue("espeak-ng") @NotBlank String espeak,
        @DefaultValue("lame") @NotBlank String lame,
        @DefaultValue("vi") @NotBlank String voice,
        @DefaultValue("150") @Min(80) @Max(450) int wordsPerMinute,
        @DefaultValue("PT2M") @DurationMin(millis = 1) Duration timeout) {
}
