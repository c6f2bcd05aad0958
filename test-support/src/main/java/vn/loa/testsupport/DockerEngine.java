package vn.loa.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Two questions to the local Docker engine, asked over its Unix socket without Testcontainers: does it answer, and is
 * an image already on this machine. Testcontainers' own client starts its Ryuk container (pulling
 * {@code testcontainers/ryuk}) as soon as it is first used, which hangs and fails where no registry is reachable; so
 * Loa asks these first and only hands over to Testcontainers when every image it needs is here.
 */
final class DockerEngine {

    private static final long TIMEOUT_MILLIS = 3000;

    private DockerEngine() {
    }

    /** The engine's socket: DOCKER_HOST when it names one ({@code unix://…}), else the usual place; null if none. */
    static Path socket() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return host.startsWith("unix://") ? Path.of(host.substring("unix://".length())) : null;
        }
        Path usual = Path.of("/var/run/docker.sock");
        return Files.exists(usual) ? usual : null;
    }

    /** Whether a Docker engine answers {@code /_ping} on its Unix socket. */
    static boolean answers() {
        return status("/_ping") == 200;
    }

    /** Whether the image is on this machine ({@code docker image inspect}); never pulls. */
    static boolean hasImage(String image) {
        return status("/images/" + image + "/json") == 200;
    }

    /** The HTTP status of a GET to the engine's API, or -1 when it cannot be asked. */
    private static int status(String path) {
        Path socket = socket();
        if (socket == null || !Files.exists(socket)) {
            return -1;
        }
        CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> get(socket, path));
        try {
            return answer.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            answer.cancel(true);
            return -1;
        }
    }

    private static int get(Path socket, String path) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(64);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                if (new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).contains("\r\n")) {
                    break;
                }
            }
            String statusLine = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
            String[] parts = statusLine.split(" ", 3); // HTTP/1.0 200 OK
            return parts.length >= 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
