package vn.loa.plan.admin.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CommuneRegistry} in memory, for the web slice. */
class InMemoryCommuneRegistry implements CommuneRegistry {

    private final Map<String, Boolean> active = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> suspended = new ConcurrentHashMap<>();

    void clear() {
        active.clear();
        suspended.clear();
    }

    Set<String> suspendedOf(String code) {
        return Set.copyOf(suspended.getOrDefault(code, Set.of()));
    }

    @Override
    public Set<String> active(Collection<String> codes) {
        Set<String> found = new HashSet<>();
        codes.stream().filter(this::isActive).forEach(found::add);
        return found;
    }

    @Override
    public boolean isActive(String code) {
        return active.getOrDefault(code, false);
    }

    @Override
    public Set<String> activate(String code, String by) {
        active.put(code, true);
        return Set.copyOf(suspended.getOrDefault(code, Set.of()));
    }

    @Override
    public void deactivate(String code, String by) {
        active.put(code, false);
    }

    @Override
    public void suspended(String code, Collection<String> accountIds) {
        suspended.computeIfAbsent(code, c -> ConcurrentHashMap.newKeySet()).addAll(accountIds);
    }

    @Override
    public void released(String code, Collection<String> accountIds) {
        suspended.getOrDefault(code, new HashSet<>()).removeAll(accountIds);
    }

    @Override
    public void activeUnlessKnown(String code) {
        active.putIfAbsent(code, true);
    }
}
