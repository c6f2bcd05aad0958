package vn.loa.plan.unit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.loa.plan.unit.Unit;
import vn.loa.plan.unit.UnitType;
import vn.loa.platform.problem.Conflict;

/** {@link UnitStore} in memory, for the web slice: the same key as the MongoDB store (tenant and plain name). */
class InMemoryUnitStore implements UnitStore {

    private final Map<String, Unit> units = new ConcurrentHashMap<>();

    @Override
    public List<Unit> of(String tenant) {
        List<Unit> found = new ArrayList<>(units.values().stream().filter(u -> u.tenantId().equals(tenant)).toList());
        found.sort(Comparator.comparing(Unit::name));
        return found;
    }

    @Override
    public void insert(Unit unit, String by) {
        if (units.putIfAbsent(unit.tenantId() + ":" + UnitType.plain(unit.name()), unit) != null) {
            throw new Conflict("Đơn vị \"" + unit.name() + "\" đã có trong danh sách của xã, phường.");
        }
    }
}
