package vn.loa.gateway.export.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.loa.gateway.export.ExportProperties;
import vn.loa.gateway.identity.IdentityHeaders;
import vn.loa.gateway.problem.Problems;

/**
 * {@code GET /api/admin/communes/{code}/export}: everything Loa keeps of one commune (plans, units, tasks and credits,
 * items, activities and their files, publications, reports and their frozen documents…) as one ZIP archive, for its
 * own administrator or a system administrator (issue 20). Each service answers its own
 * part and decides on its own who may have it; the gateway asks them one after the other with the caller's identity,
 * and hands over one archive only when every part came — a refusal is passed on as it is (403, 404), a service that
 * does not answer makes the whole export a Vietnamese 503, never a partial archive.
 */
@RestController
class CommuneExportController {

    private static final Logger log = LoggerFactory.getLogger(CommuneExportController.class);
    private static final Pattern CODE = Pattern.compile("[0-9]{1,6}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final List<String> FORWARDED = List.of(IdentityHeaders.TENANT, IdentityHeaders.USER,
            IdentityHeaders.ROLES, "traceparent", "X-Request-Id");

    private final ExportProperties properties;
    private final WebClient client;
    private final Clock clock;

    CommuneExportController(ExportProperties properties, ObjectProvider<WebClient.Builder> builder, Clock clock) {
        this.properties = properties;
        this.client = builder.getIfAvailable(WebClient::builder).build();
        this.clock = clock;
    }

    /** A part that said no, passed on to the user as it came. */
    private static final class Refused extends RuntimeException {
        final HttpStatusCode status;
        final MediaType type;
        final byte[] body;

        Refused(HttpStatusCode status, MediaType type, byte[] body) {
            super(null, null, false, false);
            this.status = status;
            this.type = type;
            this.body = body;
        }
    }

    @GetMapping("/api/admin/communes/{code}/export")
    Mono<Void> export(@PathVariable String code, ServerWebExchange exchange) {
        if (!CODE.matcher(code).matches()) {
            return Problems.write(exchange, HttpStatus.NOT_FOUND, "Không tìm thấy",
                    "Không tìm thấy xã, phường có mã này.");
        }
        HttpHeaders identity = new HttpHeaders();
        FORWARDED.forEach(h -> {
            String value = exchange.getRequest().getHeaders().getFirst(h);
            if (value != null) {
                identity.set(h, value);
            }
        });
        return Mono.fromCallable(() -> Files.createTempDirectory("loa-export-"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(dir -> Flux.fromIterable(properties.parts())
                        .concatMap(part -> fetch(part, code, identity, dir))
                        .collectList()
                        .publishOn(Schedulers.boundedElastic())
                        .map(parts -> assemble(code, parts, dir))
                        .flatMap(archive -> send(exchange, code, archive, dir))
                        .onErrorResume(e -> {
                            delete(dir);
                            return refusal(exchange, code, e);
                        })
                        .doOnCancel(() -> delete(dir)));
    }

    private static Mono<Void> refusal(ServerWebExchange exchange, String code, Throwable e) {
        if (e instanceof Refused refused) {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(refused.status);
            response.getHeaders().setContentType(refused.type);
            byte[] body = publicInstance(refused.body, exchange.getRequest().getPath().value());
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        }
        log.warn("The export of commune {} failed: {}", code, e.toString());
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Chưa xuất được dữ liệu", unavailable(e));
    }

    /** The archive is read from its file as it goes out, and the folder removed once the response is done. */
    private Mono<Void> send(ServerWebExchange exchange, String code, Path archive, Path dir) {
        ServerHttpResponse response = exchange.getResponse();
        Flux<DataBuffer> body = DataBufferUtils.read(archive, response.bufferFactory(), 64 * 1024)
                .doFinally(signal -> delete(dir));
        String day = DAY.format(ZonedDateTime.now(clock).withZoneSameInstant(CommuneArchive.VN));
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(ZIP);
        response.getHeaders().setContentDisposition(
                ContentDisposition.attachment().filename("loa-" + code + "-" + day + ".zip").build());
        response.getHeaders().setCacheControl("no-store");
        return response.writeWith(body);
    }

    private Mono<CommuneArchive.Fetched> fetch(ExportProperties.Part part, String code, HttpHeaders identity,
            Path dir) {
        Path file = dir.resolve(part.name() + ".zip");
        return client.get().uri(part.url() + "/api/export/communes/{code}", code)
                .headers(h -> h.addAll(identity))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return DataBufferUtils.write(response.bodyToFlux(DataBuffer.class), file)
                                .thenReturn(new CommuneArchive.Fetched(part, file));
                    }
                    if (response.statusCode().is4xxClientError()) {
                        MediaType type = response.headers().contentType().orElse(MediaType.APPLICATION_PROBLEM_JSON);
                        return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                                .flatMap(body -> Mono.error(new Refused(response.statusCode(), type, body)));
                    }
                    return response.releaseBody().then(Mono.error(new IllegalStateException(
                            part.name() + " answered " + response.statusCode().value())));
                })
                .timeout(properties.timeout())
                .onErrorMap(e -> !(e instanceof Refused), e -> new PartFailed(part, e));
    }

    private static final class PartFailed extends RuntimeException {
        final ExportProperties.Part part;

        PartFailed(ExportProperties.Part part, Throwable cause) {
            super(part.name() + ": " + cause, cause);
            this.part = part;
        }
    }

    /** A part's problem names the path the user asked, not the service's own. */
    private static byte[] publicInstance(byte[] problem, String path) {
        try {
            if (JSON.readTree(problem) instanceof ObjectNode object && object.has("instance")) {
                object.put("instance", path);
                return JSON.writeValueAsBytes(object);
            }
        } catch (JacksonException e) {
            log.debug("A part's refusal is no JSON: {}", e.toString());
        }
        return problem;
    }

    private static String unavailable(Throwable e) {
        if (e instanceof PartFailed failed) {
            String why = failed.getCause() instanceof TimeoutException ? "trả lời quá chậm"
                    : failed.getCause() instanceof WebClientRequestException
                            || failed.getCause() instanceof ConnectException ? "đang tạm ngừng" : "gặp lỗi";
            return "Phần dữ liệu " + failed.part.label() + " " + why + ", nên chưa tạo được tệp dữ liệu đầy đủ. "
                    + "Vui lòng thử lại sau ít phút.";
        }
        return "Chưa tạo được tệp dữ liệu của xã, phường. Vui lòng thử lại sau ít phút.";
    }

    private Path assemble(String code, List<CommuneArchive.Fetched> parts, Path dir) {
        Path archive = dir.resolve("archive.zip");
        try (OutputStream out = Files.newOutputStream(archive)) {
            CommuneArchive.write(code, parts, ZonedDateTime.now(clock), out);
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not remove {}: {}", dir, e.toString());
        }
    }
}
