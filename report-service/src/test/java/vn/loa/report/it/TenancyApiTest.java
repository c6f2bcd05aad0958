package vn.loa.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.support.Samples;

/**
 * Who reads what in report-service, answer by answer (the role × tenant matrix of e2e-tests, for this service): a
 * commune's staff their own commune, a province VIEWER the communes of its province, a SYSADMIN every commune; 404,
 * never 403, for anything outside. Pins the answers the one TenantScope rule must give at every read endpoint, the
 * province summaries, the review of submissions (the province's VIEWER only) and the live stream.
 */
class TenancyApiTest extends IntegrationTest {

    private static final String PLATFORM = "platform";

    /** The callers of the matrix, as tenant and roles. */
    private record Who(String tenant, String roles) {
    }

    private int status(String path, Who who) {
        return get(path, who.tenant(), who.roles()).status();
    }

    @Test
    void oneCommunesDataIsReadByItsStaffItsProvincesReviewerAndTheSystemAdministratorOnly() {
        String commune = freshCommune();
        String neighbour = freshCommune();
        List<String> paths = List.of("/api/dashboard/communes/" + commune, "/api/reports/2025-Q3?commune=" + commune,
                "/api/reports/2025-Q3/notes?commune=" + commune, "/api/reports/2025-Q3/submission?commune=" + commune);
        List<Who> readers = List.of(new Who(commune, "EDITOR"), new Who(commune, "LEADER"),
                new Who(commune, "VIEWER"), new Who(Samples.HAI_PHONG, "VIEWER"), new Who(PLATFORM, "SYSADMIN"));
        List<Who> others = List.of(new Who(neighbour, "LEADER"), new Who(neighbour, "VIEWER"),
                new Who(Samples.HA_NOI, "VIEWER"), new Who(Samples.HAI_PHONG, "LEADER"),
                new Who(Samples.HAI_PHONG, "EDITOR"), new Who(PLATFORM, "VIEWER"), new Who(PLATFORM, "EDITOR"));
        for (String path : paths) {
            for (Who who : readers) {
                assertThat(status(path, who)).as("%s reading %s", who, path).isEqualTo(200);
            }
            for (Who who : others) {
                Answer answer = get(path, who.tenant(), who.roles());
                assertThat(answer.status()).as("%s reading %s", who, path).isEqualTo(404);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void codesThatAreNoCommuneAreNotFoundEvenForTheSystemAdministrator() {
        Who admin = new Who(PLATFORM, "SYSADMIN");
        for (String code : List.of(Samples.HAI_PHONG, "99999", PLATFORM)) {
            assertThat(status("/api/dashboard/communes/" + code, admin)).as(code).isEqualTo(404);
            assertThat(status("/api/reports/2025-Q3?commune=" + code, admin)).as(code).isEqualTo(404);
            assertThat(status("/api/reports/2025-Q3/submission?commune=" + code, admin)).as(code).isEqualTo(404);
        }
        // without ?commune= a reviewer or the system administrator names no commune: their own tenant is none
        assertThat(status("/api/reports/2025-Q3", new Who(Samples.HAI_PHONG, "VIEWER"))).isEqualTo(404);
        assertThat(status("/api/reports/2025-Q3/submission", admin)).isEqualTo(404);
        assertThat(status("/api/reports/2025-Q3/notes", admin)).isEqualTo(404);
    }

    @Test
    void theProvinceSummaryIsTheReviewersOwnProvinceOrTheOneTheSystemAdministratorNames() {
        JsonNode own = get("/api/dashboard/province", Samples.HAI_PHONG, "VIEWER").json();
        assertThat(own.path("provinceCode").asString()).isEqualTo(Samples.HAI_PHONG);
        assertThat(own.path("communes").size()).isEqualTo(communesOf(Samples.HAI_PHONG));
        // a reviewer cannot name another province: it is given its own
        assertThat(get("/api/dashboard/province?province=" + Samples.HA_NOI, Samples.HAI_PHONG, "VIEWER").json()
                .path("provinceCode").asString()).isEqualTo(Samples.HAI_PHONG);
        assertThat(get("/api/dashboard/province?province=" + Samples.HA_NOI, PLATFORM, "SYSADMIN").json()
                .path("provinceCode").asString()).isEqualTo(Samples.HA_NOI);
        assertThat(get("/api/reports/2025-Q3/province?format=json", Samples.HAI_PHONG, "VIEWER").json().size())
                .isEqualTo(communesOf(Samples.HAI_PHONG));
        assertThat(get("/api/reports/2025-Q3/province?format=json&province=" + Samples.HA_NOI, Samples.HAI_PHONG,
                "VIEWER").json().size()).isEqualTo(communesOf(Samples.HAI_PHONG));
        assertThat(get("/api/reports/2025-Q3/province?format=json&province=" + Samples.HA_NOI, PLATFORM, "SYSADMIN")
                .json().size()).isEqualTo(communesOf(Samples.HA_NOI));

        String commune = freshCommune();
        List<Who> none = List.of(new Who(commune, "LEADER"), new Who(commune, "VIEWER"),
                new Who(Samples.HAI_PHONG, "LEADER"), new Who(PLATFORM, "SYSADMIN"), new Who(PLATFORM, "VIEWER"));
        for (Who who : none) {
            assertThat(status("/api/dashboard/province", who)).as("%s", who).isEqualTo(404);
            assertThat(status("/api/reports/2025-Q3/province", who)).as("%s", who).isEqualTo(404);
        }
        for (String notAProvince : List.of(commune, "99")) {
            assertThat(status("/api/dashboard/province?province=" + notAProvince, new Who(PLATFORM, "SYSADMIN")))
                    .isEqualTo(404);
            assertThat(status("/api/reports/2025-Q3/province?province=" + notAProvince, new Who(PLATFORM, "SYSADMIN")))
                    .isEqualTo(404);
        }
        // naming a commune's province does not open it to anyone but a system administrator
        assertThat(status("/api/dashboard/province?province=" + Samples.HAI_PHONG, new Who(commune, "VIEWER")))
                .isEqualTo(404);
    }

    @Test
    void onlyTheProvincesReviewerAcceptsOrReturnsASubmittedReport() {
        String commune = freshCommune();
        String path = "/api/reports/2025-Q3/";
        String review = "?commune=" + commune;
        String reason = "{\"reason\":\"Bổ sung\"}";
        assertThat(post(path + "submit", commune, "LEADER", null).json().path("state").asString())
                .isEqualTo("SUBMITTED");
        List<Who> notReviewers = List.of(new Who(PLATFORM, "SYSADMIN"), new Who(commune, "LEADER"),
                new Who(commune, "VIEWER"), new Who(Samples.HA_NOI, "VIEWER"), new Who(Samples.HAI_PHONG, "LEADER"),
                new Who(PLATFORM, "VIEWER"));
        for (Who who : notReviewers) {
            assertThat(post(path + "accept" + review, who.tenant(), who.roles(), null).status()).as("%s", who)
                    .isEqualTo(404);
            assertThat(post(path + "return" + review, who.tenant(), who.roles(), reason).status()).as("%s", who)
                    .isEqualTo(404);
        }
        assertThat(post(path + "accept?commune=" + Samples.HAI_PHONG, Samples.HAI_PHONG, "VIEWER", null).status())
                .isEqualTo(404);
        assertThat(get(path + "submission" + review, commune, "EDITOR").json().path("state").asString())
                .isEqualTo("SUBMITTED");
        assertThat(post(path + "return" + review, Samples.HAI_PHONG, "VIEWER", reason).json().path("state")
                .asString()).isEqualTo("RETURNED");
        // a returned report is not accepted: the reviewer passes the tenancy check and meets the state's
        assertThat(post(path + "accept" + review, Samples.HAI_PHONG, "VIEWER", null).status()).isEqualTo(409);
    }

    @Test
    void theLiveStreamIsForCommunesTheirProvincesReviewersAndTheSystemAdministrator() throws Exception {
        String commune = freshCommune();
        for (Who who : List.of(new Who(commune, "EDITOR"), new Who(commune, "VIEWER"),
                new Who(Samples.HAI_PHONG, "VIEWER"), new Who(PLATFORM, "SYSADMIN"))) {
            try (SseClient client = new SseClient(HTTP, request("/api/dashboard/stream", who.tenant(), who.roles())
                    .header("Accept", "text/event-stream").GET().build())) {
                client.awaitOpen();
                assertThat(client.status).as("%s", who).isEqualTo(200);
            }
        }
        for (Who who : List.of(new Who(Samples.HAI_PHONG, "LEADER"), new Who(Samples.HA_NOI, "EDITOR"),
                new Who(PLATFORM, "VIEWER"), new Who("99999", "EDITOR"))) {
            assertThat(status("/api/dashboard/stream", who)).as("%s", who).isEqualTo(404);
        }
    }

    private static int communesOf(String province) {
        return CommuneDirectory.instance().province(province).orElseThrow().communes().size();
    }
}
