package vn.loa.plan.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.plan.admin.Authority;
import vn.loa.plan.admin.CommuneState;
import vn.loa.plan.admin.NewPerson;
import vn.loa.plan.admin.Person;
import vn.loa.plan.admin.ProvinceActivation;
import vn.loa.plan.admin.ProvinceState;
import vn.loa.plan.admin.internal.Administration;
import vn.loa.plan.admin.internal.KeycloakUnavailable;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * {@code /api/admin}: communes of a province and their state, activating and deactivating a commune, the people of a
 * commune or a province (docs/adr/0011). Keycloak out of reach answers a Vietnamese 503.
 */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Quản trị", description = "Kích hoạt xã, phường và quản lý tài khoản")
public class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final Administration administration;
    private final JsonMapper json = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL)).build();

    AdminController(Administration administration) {
        this.administration = administration;
    }

    @GetMapping("/communes")
    @Operation(summary = "Các xã, phường của một tỉnh, thành phố và trạng thái hoạt động")
    List<CommuneState> communes(@RequestParam(required = false) String province,
            @Parameter(hidden = true) Caller caller) {
        return administration.communes(caller, province);
    }

    @GetMapping("/provinces")
    @Operation(summary = "Các tỉnh, thành phố được quản trị và số xã, phường đang hoạt động")
    List<ProvinceState> provinces(@Parameter(hidden = true) Caller caller) {
        return administration.provinces(caller);
    }

    @GetMapping("/communes/{code}")
    @Operation(summary = "Một xã, phường và trạng thái hoạt động")
    CommuneState commune(@PathVariable String code, @Parameter(hidden = true) Caller caller) {
        return administration.commune(Authority.commune(caller, code));
    }

    @PostMapping("/communes/{code}/activate")
    @Operation(summary = "Kích hoạt một xã, phường")
    CommuneState activate(@PathVariable String code, @Parameter(hidden = true) Caller caller) {
        return administration.activate(caller, code);
    }

    /**
     * Activates every commune of a province not active yet, with its progress: one JSON line per commune as it is done
     * and a last line with the counts ({@code application/x-ndjson}, {@link ProvinceActivation}). A caller without the
     * right gets a problem before anything starts.
     */
    @PostMapping("/provinces/{code}/activate")
    @Operation(summary = "Kích hoạt mọi xã, phường của một tỉnh, thành phố", description = "Trả về tiến độ: mỗi dòng "
            + "JSON một xã, phường vừa xong, dòng cuối là số đã kích hoạt (application/x-ndjson).")
    ResponseEntity<StreamingResponseBody> activateProvince(@PathVariable String code,
            @Parameter(hidden = true) Caller caller) {
        CommuneDirectory.Province province = administration.provinceToActivate(caller, code);
        StreamingResponseBody lines = out -> administration.activateProvince(caller, province, step -> {
            try {
                out.write(json.writeValueAsBytes(step));
                out.write('\n');
                out.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e); // the client went away: the communes done stay active
            }
        });
        return ResponseEntity.ok().contentType(NDJSON).cacheControl(CacheControl.noStore()).body(lines);
    }

    @PostMapping("/communes/{code}/deactivate")
    @Operation(summary = "Ngừng hoạt động một xã, phường", description = "Các tài khoản của xã, phường không đăng "
            + "nhập được nữa; dữ liệu được giữ nguyên.")
    CommuneState deactivate(@PathVariable String code, @Parameter(hidden = true) Caller caller) {
        return administration.deactivate(caller, code);
    }

    @GetMapping("/communes/{code}/users")
    @Operation(summary = "Tài khoản của một xã, phường")
    List<Person> communePeople(@PathVariable String code, @Parameter(hidden = true) Caller caller) {
        return administration.people(Authority.commune(caller, code));
    }

    @PostMapping("/communes/{code}/users")
    @Operation(summary = "Thêm tài khoản cho một xã, phường")
    ResponseEntity<Person> addCommunePerson(@PathVariable String code, @RequestBody(required = false) NewPerson body,
            @Parameter(hidden = true) Caller caller) {
        Person person = administration.add(caller, Authority.commune(caller, code), body);
        return ResponseEntity.created(URI.create("/api/admin/communes/" + code + "/users/" + person.username()))
                .body(person);
    }

    @DeleteMapping("/communes/{code}/users/{username}")
    @Operation(summary = "Ngừng một tài khoản của xã, phường", description = "Tài khoản không đăng nhập được nữa; "
            + "lịch sử vẫn giữ tên người dùng.")
    ResponseEntity<Void> disableCommunePerson(@PathVariable String code, @PathVariable String username,
            @Parameter(hidden = true) Caller caller) {
        administration.disable(caller, Authority.commune(caller, code), username);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/provinces/{code}/users")
    @Operation(summary = "Tài khoản cấp tỉnh (theo dõi, quản trị) của một tỉnh, thành phố")
    List<Person> provincePeople(@PathVariable String code, @Parameter(hidden = true) Caller caller) {
        return administration.people(Authority.province(caller, code));
    }

    @PostMapping("/provinces/{code}/users")
    @Operation(summary = "Thêm tài khoản cấp tỉnh")
    ResponseEntity<Person> addProvincePerson(@PathVariable String code, @RequestBody(required = false) NewPerson body,
            @Parameter(hidden = true) Caller caller) {
        Person person = administration.add(caller, Authority.province(caller, code), body);
        return ResponseEntity.created(URI.create("/api/admin/provinces/" + code + "/users/" + person.username()))
                .body(person);
    }

    @DeleteMapping("/provinces/{code}/users/{username}")
    @Operation(summary = "Ngừng một tài khoản cấp tỉnh")
    ResponseEntity<Void> disableProvincePerson(@PathVariable String code, @PathVariable String username,
            @Parameter(hidden = true) Caller caller) {
        administration.disable(caller, Authority.province(caller, code), username);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(KeycloakUnavailable.class)
    ResponseEntity<ProblemDetail> keycloakUnavailable(KeycloakUnavailable e) {
        log.warn("Administration without Keycloak: {}", e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Dịch vụ tài khoản (Keycloak) tạm thời không phản hồi. Chưa có thay đổi nào bị mất; vui lòng thử lại "
                        + "sau ít phút.");
        p.setTitle("Dịch vụ tài khoản tạm thời gián đoạn");
        p.setType(URI.create("https://loa.vn/problems/503"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").body(p);
    }
}
