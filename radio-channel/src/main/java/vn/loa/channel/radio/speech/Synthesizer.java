package vn.loa.channel.radio.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Vietnamese text-to-speech with {@code espeak-ng -v vi} (to WAV), then MP3 with {@code lame}. Both run as plain
 * processes (ProcessBuilder, no shell): the text goes through a temporary file, stderr is captured for the error
 * message, and each step has a time limit. The tools are looked up on the PATH unless configured
 * ({@code loa.radio.espeak}, {@code loa.radio.lame}).
 */
@Component
public class Synthesizer {

    private final String espeak;
    private final String lame;
    private final String voice;
    private final int wordsPerMinute;
    private final Duration timeout;
    private volatile Availability availability;

    private record Availability(boolean ok, long checkedAtNanos) {
    }

    public Synthesizer(SpeechSettings settings) {
        this.espeak = settings.espeak();
        this.lame = settings.lame();
        this.voice = settings.voice();
        this.wordsPerMinute = settings.wordsPerMinute();
        this.timeout = settings.timeout();
    }

    /** Whether both tools run (checked at most every 30 s). */
    public boolean available() {
        Availability a = availability;
        if (a == null || System.nanoTime() - a.checkedAtNanos() > TimeUnit.SECONDS.toNanos(30)) {
            a = new Availability(runs(List.of(espeak, "--version")) && runs(List.of(lame, "--version")),
                    System.nanoTime());
            availability = a;
        }
        return a.ok();
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Speaks the text.
     *
     * @throws SpeechFailed when a tool is missing, fails or runs over its time limit
     */
    public Speech speak(String text) {
        long start = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("loa-radio-");
            Path input = Files.writeString(dir.resolve("text.txt"), text, StandardCharsets.UTF_8);
            Path wav = dir.resolve("speech.wav");
            Path mp3 = dir.resolve("speech.mp3");
            run(List.of(espeak, "-v", voice, "-s", Integer.toString(wordsPerMinute), "-b", "1", "-f",
                    input.toString(), "-w", wav.toString()), dir.resolve("espeak.err"));
            int seconds = wavSeconds(wav);
            run(List.of(lame, "--quiet", "-m", "m", "-b", "64", "--tt", "Loa", wav.toString(), mp3.toString()),
                    dir.resolve("lame.err"));
            byte[] bytes = Files.readAllBytes(mp3);
            if (bytes.length == 0) {
                throw new SpeechFailed("lame produced an empty file");
            }
            return new Speech(bytes, seconds, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (IOException e) {
            throw new SpeechFailed("temporary files: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    /**
     * How long an MP3 plays, by decoding it with {@code lame --decode} (so a file that is not really MP3 fails).
     *
     * @throws SpeechFailed when lame cannot decode it
     */
    public int mp3Seconds(byte[] mp3) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("loa-radio-");
            Path in = Files.write(dir.resolve("in.mp3"), mp3);
            Path wav = dir.resolve("decoded.wav");
            run(List.of(lame, "--quiet", "--decode", in.toString(), wav.toString()), dir.resolve("lame.err"));
            return wavSeconds(wav);
        } catch (IOException e) {
            throw new SpeechFailed("temporary files: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private void run(List<String> command, Path stderr) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new SpeechFailed(command.getFirst() + " cannot be started: " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new SpeechFailed(command.getFirst() + " ran over " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SpeechFailed(command.getFirst() + " interrupted", e);
        }
        if (p.exitValue() != 0) {
            String err;
            try {
                err = Files.readString(stderr, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                err = "(stderr unreadable)";
            }
            throw new SpeechFailed(command.getFirst() + " exited with " + p.exitValue() + ": "
                    + (err.length() > 500 ? err.substring(0, 500) : err));
        }
    }

    /** Duration of a PCM WAV file from its header (byte rate) and size, rounded up. */
    static int wavSeconds(Path wav) throws IOException {
        byte[] head = new byte[44];
        try (var in = Files.newInputStream(wav)) {
            if (in.readNBytes(head, 0, 44) < 44) {
                throw new SpeechFailed("espeak-ng produced no WAV data");
            }
        }
        int byteRate = ByteBuffer.wrap(head, 28, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (byteRate <= 0) {
            throw new SpeechFailed("WAV header without a byte rate");
        }
        long data = Files.size(wav) - 44;
        return (int) Math.max(1, (data + byteRate - 1) / byteRate);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory left behind is not worth failing a publication
        }
    }

    /** The speech tools failed (missing, error exit, time limit). */
    public static class SpeechFailed extends RuntimeException {
        public SpeechFailed(String message) {
            super(message);
        }

        public SpeechFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
