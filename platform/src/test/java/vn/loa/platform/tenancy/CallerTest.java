package vn.loa.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CallerTest {

    private static final String KIM_THANH = "10804";
    private static final String BACH_MAI = "00292";
    private static final String HAI_PHONG = "31";

    @Test
    void theDirectoryKnowsTheSeedCommunesAndTheirProvinces() {
        CommuneDirectory directory = CommuneDirectory.instance();
        assertThat(directory.commune(KIM_THANH)).get().extracting(CommuneDirectory.Commune::name)
                .isEqualTo("Xã Kim Thành");
        assertThat(directory.inProvince(KIM_THANH, HAI_PHONG)).isTrue();
        assertThat(directory.inProvince("11791", HAI_PHONG)).isTrue();
        assertThat(directory.inProvince(BACH_MAI, HAI_PHONG)).isFalse();
        assertThat(directory.inProvince(BACH_MAI, "01")).isTrue();
        assertThat(directory.commune("18838")).get().extracting(CommuneDirectory.Commune::provinceCode)
                .isEqualTo("42");
        assertThat(directory.province("01")).get().extracting(CommuneDirectory.Province::name)
                .isEqualTo("Thành phố Hà Nội");
    }

    @Test
    void aCommuneReadsAndWritesOnlyItsOwnData() {
        Caller editor = new Caller(KIM_THANH, "kim-thanh.editor", Set.of(Role.EDITOR));
        assertThat(editor.canRead(KIM_THANH)).isTrue();
        assertThat(editor.canWrite(KIM_THANH)).isTrue();
        assertThat(editor.canRead(BACH_MAI)).isFalse();
        assertThat(editor.canWrite(BACH_MAI)).isFalse();
        assertThat(editor.isCommune()).isTrue();
    }

    @Test
    void aProvinceReadsItsOwnCommunesOnlyAndWritesNothing() {
        Caller viewer = new Caller(HAI_PHONG, "hai-phong.viewer", Set.of(Role.VIEWER));
        assertThat(viewer.canRead(KIM_THANH)).isTrue();
        assertThat(viewer.canRead(BACH_MAI)).isFalse();
        assertThat(viewer.canWrite(KIM_THANH)).isFalse();
        assertThat(viewer.isCommune()).isFalse();
    }

    @Test
    void aCommuneIsAdministeredByItsAdminItsProvincesAdminAndTheSystemAdminOnly() {
        Caller admin = new Caller(KIM_THANH, "kim-thanh.admin", Set.of(Role.ADMIN));
        Caller editor = new Caller(KIM_THANH, "kim-thanh.editor", Set.of(Role.EDITOR, Role.LEADER));
        Caller provinceAdmin = new Caller(HAI_PHONG, "hai-phong.admin", Set.of(Role.PROVINCE_ADMIN));
        Caller viewer = new Caller(HAI_PHONG, "hai-phong.viewer", Set.of(Role.VIEWER));
        Caller sysadmin = new Caller("platform", "sysadmin", Set.of(Role.SYSADMIN));
        assertThat(admin.canAdminister(KIM_THANH)).isTrue();
        assertThat(admin.canAdminister("11791")).isFalse();
        assertThat(editor.canAdminister(KIM_THANH)).isFalse();
        assertThat(provinceAdmin.canAdminister(KIM_THANH)).isTrue();
        assertThat(provinceAdmin.canAdminister(BACH_MAI)).isFalse();
        assertThat(viewer.canAdminister(KIM_THANH)).isFalse();
        assertThat(sysadmin.canAdminister(BACH_MAI)).isTrue();
        assertThat(sysadmin.canAdminister(HAI_PHONG)).as("a province is no commune").isFalse();
        assertThat(sysadmin.canAdminister("99999")).isFalse();
    }

    @Test
    void rolesAreRequiredByName() {
        Caller editor = new Caller(KIM_THANH, "kim-thanh.editor", Set.of(Role.EDITOR));
        assertThatThrownBy(() -> editor.require(Role.LEADER)).isInstanceOf(Forbidden.class)
                .hasMessageContaining("không có quyền");
        editor.require(Role.LEADER, Role.EDITOR);
    }

    @Test
    void theCallerComesFromTheGatewayHeadersAndUnknownRolesGrantNothing() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(CallerHeaders.TENANT, KIM_THANH);
        request.addHeader(CallerHeaders.USER, "kim-thanh.leader");
        request.addHeader(CallerHeaders.ROLES, "LEADER, EDITOR,SUPERUSER");
        Caller caller = CallerHeaders.read(request);
        assertThat(caller.tenantId()).isEqualTo(KIM_THANH);
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.LEADER, Role.EDITOR);
    }

    @Test
    void aSystemAdministratorBelongsToThePlatformReadsEveryCommuneAndWritesNone() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(CallerHeaders.TENANT, "platform");
        request.addHeader(CallerHeaders.USER, "admin");
        request.addHeader(CallerHeaders.ROLES, "SYSADMIN");
        Caller admin = CallerHeaders.read(request);
        assertThat(admin.canRead(KIM_THANH)).isTrue();
        assertThat(admin.canRead(BACH_MAI)).isTrue();
        assertThat(admin.canWrite(KIM_THANH)).isFalse();
        assertThat(admin.isCommune()).isFalse();
    }

    @Test
    void noHeadersOrAMalformedTenantIsUnauthenticated() {
        assertThatThrownBy(() -> CallerHeaders.read(new MockHttpServletRequest()))
                .isInstanceOf(Unauthenticated.class);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(CallerHeaders.TENANT, "10804'; drop");
        request.addHeader(CallerHeaders.USER, "x");
        assertThatThrownBy(() -> CallerHeaders.read(request)).isInstanceOf(Unauthenticated.class);
    }
}
