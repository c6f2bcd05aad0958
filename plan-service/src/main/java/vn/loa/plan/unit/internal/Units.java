package vn.loa.plan.unit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.plan.Duty;
import vn.loa.plan.plan.Plan;
import vn.loa.plan.plan.Plans;
import vn.loa.plan.unit.NewUnit;
import vn.loa.plan.unit.Unit;
import vn.loa.plan.unit.UnitType;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Forbidden;

/**
 * A commune's units: those recorded in its list, then every unit its plans name that is not in the list yet (the
 * duties of "Tổ chức thực hiện", the tasks' lead and coordinating units), one entry per name whatever its spelling
 * of case, spaces and diacritics. Readable by whoever may read the commune; added to by its own staff.
 */
@Service
public class Units {

    private static final int MAX_NAME = 200;

    private final UnitStore store;
    private final Plans plans;

    Units(UnitStore store, Plans plans) {
        this.store = store;
        this.plans = plans;
    }

    public List<Unit> list(Caller caller, String tenant) {
        String commune = tenant == null || tenant.isBlank() ? caller.tenantId() : tenant;
        if (!CommuneDirectory.instance().isCommune(commune) || !caller.canRead(commune)) {
            throw new NotFound("Không tìm thấy xã, phường này trong phạm vi được xem.");
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Unit unit : store.of(commune)) {
            units.putIfAbsent(UnitType.plain(unit.name()), unit);
        }
        for (Plan plan : plans.list(caller, commune)) {
            List<String> named = new ArrayList<>();
            for (Duty duty : plan.content().duties()) {
                named.add(duty.unit());
            }
            for (AnnexTask task : plan.tasks()) {
                named.add(task.leadUnit());
                named.addAll(task.coordinatingUnits());
            }
            for (String name : named) {
                String clean = clean(name);
                if (!clean.isEmpty() && clean.length() <= MAX_NAME) {
                    units.putIfAbsent(UnitType.plain(clean),
                            Unit.of(commune, clean, UnitType.guess(clean), Unit.FROM_PLANS));
                }
            }
        }
        return units.values().stream()
                .sorted(Comparator.comparing(Unit::kind).thenComparing(u -> UnitType.plain(u.name())))
                .toList();
    }

    public Unit add(Caller caller, NewUnit request) {
        if (!caller.canWrite(caller.tenantId())) {
            throw new Forbidden("Chỉ cán bộ của xã, phường mới được thêm đơn vị vào danh sách của xã, phường.");
        }
        String name = clean(request == null ? null : request.name());
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidInput("name", "Vui lòng nhập tên đơn vị (tối đa " + MAX_NAME + " ký tự).");
        }
        UnitType kind;
        if (request.kind() == null || request.kind().isBlank()) {
            kind = UnitType.guess(name);
        } else {
            try {
                kind = UnitType.valueOf(request.kind().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("kind", "Loại đơn vị \"" + request.kind() + "\" không tồn tại.");
            }
        }
        Unit unit = Unit.of(caller.tenantId(), name, kind, Unit.LISTED);
        store.insert(unit, caller.userId());
        return unit;
    }

    /** Trimmed, single spaces, without a list marker ("1.", "a)", "-") in front. */
    static String clean(String name) {
        if (name == null) {
            return "";
        }
        return name.replaceAll("[\\s\\u00A0]+", " ").trim()
                .replaceFirst("^(?:\\d+[.)]|[a-zđ][.)]|[-–•+*])\\s*", "").trim();
    }
}
