package vn.loa.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** One rule for reading across tenants, the same for lists (criteria) as for single documents (Caller.canRead). */
class TenantScopeTest {

    private static final String KIM_THANH = "10804";
    private static final String TIEN_MINH = "11791";
    private static final String BACH_MAI = "00292";
    private static final String HAI_PHONG = "31";

    @Test
    void communeStaffReadTheirOwnCommuneOnly() {
        TenantScope scope = TenantScope.readableBy(new Caller(KIM_THANH, "u", Set.of(Role.LEADER)));
        assertThat(scope.everything()).isFalse();
        assertThat(scope.includes(KIM_THANH)).isTrue();
        assertThat(scope.includes(TIEN_MINH)).isFalse();
        assertThat(scope.criteria().getCriteriaObject()).isEqualTo(new Document("tenantId", KIM_THANH));
    }

    @Test
    void aProvinceReviewerReadsEveryCommuneOfTheProvinceAndNoOther() {
        TenantScope scope = TenantScope.readableBy(new Caller(HAI_PHONG, "u", Set.of(Role.VIEWER)));
        assertThat(scope.includes(KIM_THANH)).isTrue();
        assertThat(scope.includes(TIEN_MINH)).isTrue();
        assertThat(scope.includes(BACH_MAI)).isFalse();
        Document in = (Document) scope.criteria().getCriteriaObject().get("tenantId");
        assertThat(in.getList("$in", String.class)).hasSize(CommuneDirectory.instance().province(HAI_PHONG).orElseThrow()
                .communes().size()).contains(KIM_THANH, TIEN_MINH).doesNotContain(BACH_MAI);
    }

    @Test
    void aViewerWithACommuneCodeIsKeptToThatCommune() {
        TenantScope scope = TenantScope.readableBy(new Caller(KIM_THANH, "u", Set.of(Role.VIEWER)));
        assertThat(scope.includes(KIM_THANH)).isTrue();
        assertThat(scope.includes(TIEN_MINH)).isFalse();
    }

    @Test
    void aSystemAdministratorReadsEverything() {
        TenantScope scope = TenantScope.readableBy(new Caller("platform", "admin", Set.of(Role.SYSADMIN)));
        assertThat(scope.everything()).isTrue();
        assertThat(scope.includes(BACH_MAI)).isTrue();
        assertThat(scope.criteria().getCriteriaObject())
                .isEqualTo(new Document("tenantId", new Document("$exists", true)));
    }

    @Test
    void theScopeAgreesWithCallerCanReadForEveryCallerAndCommune() {
        List<Caller> callers = List.of(new Caller(KIM_THANH, "e", Set.of(Role.EDITOR)),
                new Caller(HAI_PHONG, "v", Set.of(Role.VIEWER)), new Caller("01", "v", Set.of(Role.VIEWER)),
                new Caller(BACH_MAI, "a", Set.of(Role.ADMIN)), new Caller("platform", "s", Set.of(Role.SYSADMIN)));
        for (Caller caller : callers) {
            TenantScope scope = TenantScope.readableBy(caller);
            for (String commune : List.of(KIM_THANH, TIEN_MINH, BACH_MAI)) {
                assertThat(scope.includes(commune)).as("%s reading %s", caller, commune)
                        .isEqualTo(caller.canRead(commune));
            }
        }
    }
}
