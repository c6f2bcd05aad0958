package vn.loa.plan.plan;

/**
 * Something the import could not read, or read but wants a person to check, kept on the draft until it is issued.
 *
 * @param where   where in the document, in Vietnamese ("Phụ lục, nhiệm vụ 3")
 * @param field   the plan field concerned, as the API names it ("tasks[2].due"); null for the document as a whole
 * @param text    the document's own words, when there are some
 * @param message what is wrong or what to check, in Vietnamese
 */
public record ImportNote(String where, String field, String text, String message) {
}
