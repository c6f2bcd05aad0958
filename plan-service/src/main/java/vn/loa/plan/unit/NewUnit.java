package vn.loa.plan.unit;

/** A unit to add to a commune's list: its name, and its kind (guessed from the name when absent). */
public record NewUnit(String name, String kind) {
}
