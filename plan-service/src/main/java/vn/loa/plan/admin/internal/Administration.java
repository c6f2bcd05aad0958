package vn.loa.plan.admin.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.loa.plan.admin.Authority;
import vn.loa.plan.admin.Authority.Tenant;
import vn.loa.plan.admin.CommuneState;
import vn.loa.plan.admin.NewPerson;
import vn.loa.plan.admin.Person;
import vn.loa.plan.admin.ProvinceActivation;
import vn.loa.plan.admin.ProvinceState;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.InvalidInput.FieldProblem;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Role;

/** Activating communes and managing the people of a commune or province, within {@link Authority}'s rules. */
@Service
public class Administration {

    private static final Logger log = LoggerFactory.getLogger(Administration.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final CommuneRegistry registry;
    private final KeycloakUsers keycloak;

    Administration(CommuneRegistry registry, KeycloakUsers keycloak) {
        this.registry = registry;
        this.keycloak = keycloak;
    }

    public List<CommuneState> communes(Caller caller, String province) {
        CommuneDirectory.Province p = Authority.provinceToList(caller, province);
        Set<String> active = registry.active(p.communes().stream().map(CommuneDirectory.Commune::code).toList());
        return p.communes().stream()
                .map(c -> new CommuneState(c.code(), c.name(), c.provinceCode(), active.contains(c.code())))
                .toList();
    }

    public List<ProvinceState> provinces(Caller caller) {
        return Authority.provinces(caller).stream().map(p -> new ProvinceState(p.code(), p.name(),
                p.communes().size(), registry.active(p.communes().stream().map(CommuneDirectory.Commune::code)
                        .toList()).size())).toList();
    }

    public CommuneState commune(Tenant tenant) {
        return new CommuneState(tenant.code(), tenant.name(), tenant.provinceCode(),
                registry.isActive(tenant.code()));
    }

    public CommuneState activate(Caller caller, String code) {
        CommuneDirectory.Commune commune = Authority.communeToSwitch(caller, code);
        Set<String> suspended = registry.activate(code, caller.userId());
        for (String id : suspended) {
            keycloak.setEnabled(id, true);
        }
        registry.released(code, suspended);
        log.info("Commune {} activated by {} ({} accounts enabled again)", code, caller.userId(), suspended.size());
        return new CommuneState(commune.code(), commune.name(), commune.provinceCode(), true);
    }

    /**
     * Activates every commune of a province that is not active yet, one after the other, handing each step to {@code
     * progress} as it is done (the caller's right to the province is checked by {@link #provinceToActivate} first).
     * A commune that fails stops the run with a Vietnamese line; those done stay active.
     */
    public void activateProvince(Caller caller, CommuneDirectory.Province province,
            Consumer<ProvinceActivation> progress) {
        List<CommuneDirectory.Commune> communes = province.communes();
        Set<String> active = registry.active(communes.stream().map(CommuneDirectory.Commune::code).toList());
        int done = 0;
        int activated = 0;
        for (CommuneDirectory.Commune c : communes) {
            boolean now = !active.contains(c.code());
            try {
                CommuneState state = now ? activate(caller, c.code())
                        : new CommuneState(c.code(), c.name(), c.provinceCode(), true);
                activated += now ? 1 : 0;
                progress.accept(ProvinceActivation.step(++done, communes.size(), state, now));
            } catch (RuntimeException e) {
                log.warn("Activation of province {} stopped at {}", province.code(), c.code(), e);
                String why = e instanceof KeycloakUnavailable ? "Dịch vụ tài khoản (Keycloak) tạm thời không phản hồi"
                        : "Có lỗi khi lưu trạng thái";
                progress.accept(ProvinceActivation.stopped(done, communes.size(), why + " khi kích hoạt " + c.name()
                        + ". Các xã, phường đã kích hoạt vẫn giữ nguyên; vui lòng chạy lại sau ít phút để kích hoạt "
                        + "tiếp."));
                return;
            }
        }
        log.info("Province {} activated by {}: {} communes now, {} already", province.code(), caller.userId(),
                activated, communes.size() - activated);
        progress.accept(ProvinceActivation.finished(communes.size(), activated, communes.size() - activated));
    }

    /** The province the caller may activate whole: any (SYSADMIN), its own (PROVINCE_ADMIN); else 404 / 403. */
    public CommuneDirectory.Province provinceToActivate(Caller caller, String code) {
        if (!caller.has(Role.SYSADMIN) && !caller.has(Role.PROVINCE_ADMIN)) {
            throw new Forbidden("Chỉ quản trị hệ thống và quản trị cấp tỉnh được kích hoạt các xã, phường của một tỉnh, "
                    + "thành phố.");
        }
        return Authority.provinceToList(caller, code);
    }

    public CommuneState deactivate(Caller caller, String code) {
        CommuneDirectory.Commune commune = Authority.communeToSwitch(caller, code);
        registry.deactivate(code, caller.userId());
        List<String> disabled = new ArrayList<>();
        for (KeycloakUsers.Account account : keycloak.ofTenant(code)) {
            if (account.enabled()) {
                keycloak.setEnabled(account.id(), false);
                disabled.add(account.id());
                registry.suspended(code, List.of(account.id()));
            }
        }
        log.info("Commune {} deactivated by {} ({} accounts disabled)", code, caller.userId(), disabled.size());
        return new CommuneState(commune.code(), commune.name(), commune.provinceCode(), false);
    }

    public List<Person> people(Tenant tenant) {
        return keycloak.ofTenant(tenant.code()).stream()
                .map(a -> person(a, keycloak.roles(a.id())))
                .sorted(Comparator.comparing(Person::username))
                .toList();
    }

    public Person add(Caller caller, Tenant tenant, NewPerson request) {
        if (request == null) {
            throw new InvalidInput("body", "Thiếu thông tin tài khoản.");
        }
        Set<Role> roles = roles(request.roles());
        Authority.mayGrant(caller, tenant, roles);
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
        String fullName = request.fullName() == null ? "" : request.fullName().trim().replaceAll("\\s+", " ");
        String email = request.email() == null ? "" : request.email().trim();
        String password = request.password() == null ? "" : request.password();
        List<FieldProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, số, "
                    + "dấu chấm, gạch ngang hoặc gạch dưới."));
        }
        int space = fullName.lastIndexOf(' ');
        if (space < 1 || fullName.length() > 100) {
            problems.add(new FieldProblem("fullName", "Vui lòng nhập đầy đủ họ và tên (tối đa 100 ký tự)."));
        }
        if (!EMAIL.matcher(email).matches() || email.length() > 200) {
            problems.add(new FieldProblem("email", "Địa chỉ email không hợp lệ."));
        }
        if (password.length() < 8 || password.length() > 128) {
            problems.add(new FieldProblem("password", "Mật khẩu phải có từ 8 đến 128 ký tự."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("Thông tin tài khoản chưa hợp lệ ở " + problems.size() + " trường.", problems);
        }
        if (tenant.commune() && !registry.isActive(tenant.code())) {
            throw new Conflict("Xã, phường " + tenant.name() + " chưa được kích hoạt: hãy kích hoạt trước khi "
                    + "thêm tài khoản.");
        }
        boolean temporary = request.temporary() == null || request.temporary();
        // Vietnamese order: "Nguyễn Văn An" → first name "Nguyễn Văn", last name "An" (shown as "first last")
        String id = keycloak.create(username, fullName.substring(0, space), fullName.substring(space + 1), email,
                tenant.code(), password, temporary);
        try {
            keycloak.grant(id, roles);
        } catch (RuntimeException e) {
            keycloak.delete(id); // no half-made account: it could log in without a role
            throw e;
        }
        log.info("Account {} ({}) created in {} by {}", username, roles, tenant.code(), caller.userId());
        return new Person(username, fullName, email, names(roles), true);
    }

    public void disable(Caller caller, Tenant tenant, String username) {
        KeycloakUsers.Account account = keycloak.byUsername(username == null ? "" : username.trim())
                .filter(a -> tenant.code().equals(a.tenant()))
                .orElseThrow(() -> new NotFound("Không tìm thấy tài khoản này trong " + tenant.name() + "."));
        Authority.mayDisable(caller, account.username(), keycloak.roles(account.id()));
        keycloak.setEnabled(account.id(), false);
        registry.released(tenant.code(), List.of(account.id())); // activating again must not bring it back
        log.info("Account {} of {} disabled by {}", account.username(), tenant.code(), caller.userId());
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            try {
                roles.add(Role.valueOf(String.valueOf(name).trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInput("roles", "Vai trò \"" + name + "\" không tồn tại.");
            }
        }
        return roles;
    }

    private static Person person(KeycloakUsers.Account account, Set<Role> roles) {
        return new Person(account.username(), account.fullName(), account.email(), names(roles), account.enabled());
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
