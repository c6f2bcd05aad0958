package vn.loa.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
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

    @Test
    void permitsOnlyCommunesOfTheDirectoryInsideTheScope() {
        TenantScope commune = TenantScope.readableBy(new Caller(KIM_THANH, "u", Set.of(Role.EDITOR)));
        assertThat(commune.permits(KIM_THANH)).isTrue();
        assertThat(commune.permits(TIEN_MINH)).isFalse();
        assertThat(commune.permits(null)).isFalse();
        TenantScope reviewer = TenantScope.readableBy(new Caller(HAI_PHONG, "v", Set.of(Role.VIEWER)));
        assertThat(reviewer.permits(TIEN_MINH)).isTrue();
        assertThat(reviewer.permits(HAI_PHONG)).as("a province code is no commune").isFalse();
        assertThat(reviewer.permits(BACH_MAI)).isFalse();
        TenantScope admin = TenantScope.readableBy(new Caller("platform", "s", Set.of(Role.SYSADMIN)));
        assertThat(admin.permits(BACH_MAI)).isTrue();
        assertThat(admin.permits("99999")).as("an unknown code").isFalse();
        assertThat(admin.permits(HAI_PHONG)).isFalse();
    }

    @Test
    void permitsAgreesWithCanReadOnEveryCommuneOfTheDirectory() {
        List<Caller> callers = List.of(new Caller(KIM_THANH, "e", Set.of(Role.EDITOR)),
                new Caller(KIM_THANH, "v", Set.of(Role.VIEWER)), new Caller(HAI_PHONG, "v", Set.of(Role.VIEWER)),
                new Caller(HAI_PHONG, "l", Set.of(Role.LEADER)), new Caller("01", "v", Set.of(Role.VIEWER)),
                new Caller("platform", "s", Set.of(Role.SYSADMIN)), new Caller("platform", "v", Set.of(Role.VIEWER)));
        CommuneDirectory directory = CommuneDirectory.instance();
        for (Caller caller : callers) {
            TenantScope scope = TenantScope.readableBy(caller);
            for (String province : List.of(HAI_PHONG, "01")) {
                for (CommuneDirectory.Commune c : directory.province(province).orElseThrow().communes()) {
                    assertThat(scope.permits(c.code())).as("%s reading %s", caller, c.code())
                            .isEqualTo(caller.canRead(c.code()));
                }
            }
        }
    }

    @Test
    void theCommunesOfAProvince() {
        assertThat(TenantScope.communesOf(HAI_PHONG)).contains(KIM_THANH, TIEN_MINH).doesNotContain(BACH_MAI)
                .hasSize(CommuneDirectory.instance().province(HAI_PHONG).orElseThrow().communes().size());
        assertThat(TenantScope.communesOf(KIM_THANH)).isEmpty();
        assertThat(TenantScope.communesOf("platform")).isEmpty();
    }

    @Test
    void onlyAccountsThatReadNoCommuneAreEmpty() {
        assertThat(TenantScope.readableBy(new Caller(KIM_THANH, "e", Set.of(Role.EDITOR))).isEmpty()).isFalse();
        assertThat(TenantScope.readableBy(new Caller(KIM_THANH, "v", Set.of(Role.VIEWER))).isEmpty()).isFalse();
        assertThat(TenantScope.readableBy(new Caller(HAI_PHONG, "v", Set.of(Role.VIEWER))).isEmpty()).isFalse();
        assertThat(TenantScope.readableBy(new Caller("platform", "s", Set.of(Role.SYSADMIN))).isEmpty()).isFalse();
        assertThat(TenantScope.readableBy(new Caller(HAI_PHONG, "l", Set.of(Role.LEADER))).isEmpty()).isTrue();
        assertThat(TenantScope.readableBy(new Caller("platform", "v", Set.of(Role.VIEWER))).isEmpty()).isTrue();
    }

    @Test
    void theProvinceReviewedIsAViewersProvinceOnly() {
        assertThat(TenantScope.readableBy(new Caller(HAI_PHONG, "v", Set.of(Role.VIEWER))).province())
                .contains(HAI_PHONG);
        assertThat(TenantScope.readableBy(new Caller(HAI_PHONG, "l", Set.of(Role.LEADER))).province()).isEmpty();
        assertThat(TenantScope.readableBy(new Caller(KIM_THANH, "v", Set.of(Role.VIEWER))).province()).isEmpty();
        assertThat(TenantScope.readableBy(new Caller("platform", "s", Set.of(Role.SYSADMIN))).province()).isEmpty();
    }

    @Test
    void theWholeProvinceAReviewerOrASystemAdministratorReads() {
        TenantScope reviewer = TenantScope.readableBy(new Caller(HAI_PHONG, "v", Set.of(Role.VIEWER)));
        assertThat(reviewer.wholeProvince(null).map(CommuneDirectory.Province::code)).contains(HAI_PHONG);
        assertThat(reviewer.wholeProvince("01").map(CommuneDirectory.Province::code))
                .as("a reviewer reads its own province, whatever it asks").contains(HAI_PHONG);
        TenantScope admin = TenantScope.readableBy(new Caller("platform", "s", Set.of(Role.SYSADMIN)));
        assertThat(admin.wholeProvince("01").map(CommuneDirectory.Province::code)).contains("01");
        assertThat(admin.wholeProvince(null)).as("the platform is no province").isEmpty();
        assertThat(admin.wholeProvince(KIM_THANH)).isEmpty();
        assertThat(TenantScope.readableBy(new Caller(HAI_PHONG, "l", Set.of(Role.LEADER))).wholeProvince(null))
                .isEmpty();
        assertThat(TenantScope.readableBy(new Caller(KIM_THANH, "v", Set.of(Role.VIEWER))).wholeProvince(HAI_PHONG))
                .isEqualTo(Optional.empty());
    }

    @Test
    void theConditionOnAnotherField() {
        assertThat(TenantScope.readableBy(new Caller(KIM_THANH, "u", Set.of(Role.LEADER))).criteria("tenant")
                .getCriteriaObject()).isEqualTo(new Document("tenant", KIM_THANH));
    }
}
