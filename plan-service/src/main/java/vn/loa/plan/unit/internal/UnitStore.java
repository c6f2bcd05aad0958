package vn.loa.plan.unit.internal;

import java.util.List;
import vn.loa.plan.unit.Unit;

/** The units a commune recorded in its list. */
interface UnitStore {

    /** The commune's recorded units, by name. */
    List<Unit> of(String tenant);

    /** Records a unit; a name the commune recorded already (any spelling) is a {@code Conflict}. */
    void insert(Unit unit, String by);
}
