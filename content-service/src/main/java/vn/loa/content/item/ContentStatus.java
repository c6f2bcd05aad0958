package vn.loa.content.item;

/**
 * Where an item stands in the editorial workflow (see README.md for the diagram).
 *
 * <p>DRAFT → SUBMITTED → APPROVED | REJECTED; APPROVED → PUBLISHING → PUBLISHED | PARTIALLY_PUBLISHED → RETRACTED.
 */
public enum ContentStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, PUBLISHING, PUBLISHED, PARTIALLY_PUBLISHED, RETRACTED;

    /** States in which the item is (or is being) out on channels. */
    public boolean isOut() {
        return this == PUBLISHING || this == PUBLISHED || this == PARTIALLY_PUBLISHED;
    }
}
