package vn.loa.plan.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Role;

/** Who may administer what: the rules of docs/adr/0011, one by one. */
class AuthorityTest {

    // 10804 Kim Thành (Hải Phòng, 31); 00292 Bạch Mai (Hà Nội, 01)
    private static final Caller SYSADMIN = new Caller("platform", "admin", Set.of(Role.SYSADMIN));
    private static final Caller HAI_PHONG = new Caller("31", "hai-phong.admin", Set.of(Role.PROVINCE_ADMIN));
    private static final Caller KIM_THANH_ADMIN = new Caller("10804", "kim-thanh.admin", Set.of(Role.ADMIN));
    private static final Caller KIM_THANH_LEADER = new Caller("10804", "kim-thanh.leader", Set.of(Role.LEADER));
    private static final Caller HAI_PHONG_VIEWER = new Caller("31", "hai-phong.viewer", Set.of(Role.VIEWER));

    @Test
    void theSystemAdministratorListsAnyProvinceAndMustNameOne() {
        assertThat(Authority.provinceToList(SYSADMIN, "01").code()).isEqualTo("01");
        assertThatThrownBy(() -> Authority.provinceToList(SYSADMIN, null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Authority.provinceToList(SYSADMIN, "99")).isInstanceOf(NotFound.class);
    }

    @Test
    void aProvinceAdministratorListsOnlyItsOwnProvince() {
        assertThat(Authority.provinceToList(HAI_PHONG, null).code()).isEqualTo("31");
        assertThat(Authority.provinceToList(HAI_PHONG, "31").communes()).hasSize(114);
        assertThatThrownBy(() -> Authority.provinceToList(HAI_PHONG, "01")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Authority.provinceToList(KIM_THANH_ADMIN, "31")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Authority.provinceToList(HAI_PHONG_VIEWER, "31")).isInstanceOf(Forbidden.class);
    }

    @Test
    void onlySystemAndProvinceAdministratorsSwitchCommunesAndOnlyTheirs() {
        assertThat(Authority.communeToSwitch(SYSADMIN, "00292").code()).isEqualTo("00292");
        assertThat(Authority.communeToSwitch(HAI_PHONG, "10804").provinceCode()).isEqualTo("31");
        assertThatThrownBy(() -> Authority.communeToSwitch(HAI_PHONG, "00292")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Authority.communeToSwitch(SYSADMIN, "99999")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Authority.communeToSwitch(KIM_THANH_ADMIN, "10804")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Authority.communeToSwitch(HAI_PHONG_VIEWER, "10804"))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aCommuneAdministratorManagesOnlyItsOwnCommunesPeople() {
        assertThat(Authority.commune(KIM_THANH_ADMIN, "10804").commune()).isTrue();
        assertThatThrownBy(() -> Authority.commune(KIM_THANH_ADMIN, "11791")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Authority.commune(KIM_THANH_LEADER, "10804")).isInstanceOf(Forbidden.class);
        assertThat(Authority.commune(HAI_PHONG, "11791").code()).isEqualTo("11791");
        assertThatThrownBy(() -> Authority.commune(HAI_PHONG, "00292")).isInstanceOf(NotFound.class);
        assertThat(Authority.commune(SYSADMIN, "00292").name()).isNotBlank();
        assertThatThrownBy(() -> Authority.province(KIM_THANH_ADMIN, "31")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Authority.province(HAI_PHONG, "01")).isInstanceOf(NotFound.class);
        assertThat(Authority.province(HAI_PHONG, "31").commune()).isFalse();
    }

    @Test
    void nobodyGrantsARoleAboveTheirOwnOrOutsideTheTenant() {
        Authority.Tenant kimThanh = Authority.commune(KIM_THANH_ADMIN, "10804");
        Authority.Tenant haiPhong = Authority.province(SYSADMIN, "31");
        assertThatCode(() -> Authority.mayGrant(KIM_THANH_ADMIN, kimThanh,
                EnumSet.of(Role.EDITOR, Role.LEADER, Role.ADMIN))).doesNotThrowAnyException();
        assertThatCode(() -> Authority.mayGrant(HAI_PHONG, haiPhong, EnumSet.of(Role.VIEWER)))
                .doesNotThrowAnyException();
        assertThatCode(() -> Authority.mayGrant(SYSADMIN, haiPhong, EnumSet.of(Role.PROVINCE_ADMIN)))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> Authority.mayGrant(SYSADMIN, kimThanh, EnumSet.of(Role.SYSADMIN)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Authority.mayGrant(SYSADMIN, haiPhong, EnumSet.of(Role.SYSADMIN)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Authority.mayGrant(KIM_THANH_ADMIN, kimThanh, EnumSet.of(Role.PROVINCE_ADMIN)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Authority.mayGrant(HAI_PHONG, haiPhong, EnumSet.of(Role.PROVINCE_ADMIN)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Authority.mayGrant(KIM_THANH_ADMIN, kimThanh, EnumSet.of(Role.VIEWER)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Authority.mayGrant(HAI_PHONG, haiPhong, EnumSet.of(Role.EDITOR)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Authority.mayGrant(KIM_THANH_ADMIN, kimThanh, EnumSet.noneOf(Role.class)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void nobodyDisablesThemselvesASystemAdministratorOrWithoutRankAProvinceAdministrator() {
        assertThatThrownBy(() -> Authority.mayDisable(KIM_THANH_ADMIN, "kim-thanh.admin", Set.of(Role.ADMIN)))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> Authority.mayDisable(SYSADMIN, "other", Set.of(Role.SYSADMIN)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Authority.mayDisable(HAI_PHONG, "other", Set.of(Role.PROVINCE_ADMIN)))
                .isInstanceOf(Forbidden.class);
        assertThatCode(() -> Authority.mayDisable(SYSADMIN, "other", Set.of(Role.PROVINCE_ADMIN)))
                .doesNotThrowAnyException();
        assertThatCode(() -> Authority.mayDisable(KIM_THANH_ADMIN, "kim-thanh.editor", Set.of(Role.EDITOR)))
                .doesNotThrowAnyException();
    }
}
