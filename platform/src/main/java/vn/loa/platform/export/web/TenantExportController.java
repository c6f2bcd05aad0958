package vn.loa.platform.export.web;

import java.util.zip.ZipOutputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.loa.platform.export.TenantExport;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Role;

/**
 * {@code GET /api/export/communes/{code}}: this service's part of a commune's archive ({@link TenantExport}), for the
 * commune's own administrator or a system administrator — the people who may read all of it. A province's administrator
 * manages accounts, not a commune's data (docs/adr/0011), and is refused like any other role. Every service answers it through
 * the platform; the gateway asks each one and hands the user one archive ({@code GET /api/admin/communes/{code}/export}).
 * The gateway does not route this path from outside.
 */
@RestController
public class TenantExportController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final TenantExport export;
    private final String service;

    public TenantExportController(TenantExport export, String service) {
        this.export = export;
        this.service = service;
    }

    @GetMapping("/api/export/communes/{code}")
    ResponseEntity<StreamingResponseBody> export(Caller caller, @PathVariable String code) {
        boolean communeAdmin = caller.has(Role.ADMIN) && caller.isCommune();
        if (!communeAdmin && !caller.has(Role.SYSADMIN)) {
            throw new Forbidden("Chỉ quản trị của chính xã, phường và quản trị hệ thống được tải toàn bộ dữ liệu của "
                    + "một xã, phường.");
        }
        if (!caller.canRead(code) || !CommuneDirectory.instance().isCommune(code)) {
            throw new NotFound("Không tìm thấy xã, phường này trong phạm vi bạn quản trị.");
        }
        StreamingResponseBody body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                export.write(service, code, zip);
            }
        };
        return ResponseEntity.ok().contentType(ZIP).body(body);
    }
}
