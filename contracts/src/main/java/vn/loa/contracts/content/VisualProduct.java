package vn.loa.contracts.content;

/**
 * What a commune officer recorded about a visual or print product (a pano, banners, leaflets, a notice board,
 * documents handed out at a conference) put up or handed out outside Loa, in {@code ContentPublished.visual}. The
 * product's kind is the event's {@code kind}; the photo taken as evidence stays with the item in content-service.
 *
 * @param place    where it was put up or handed out, as the officer wrote it ("Trụ sở UBND xã; nhà văn hóa thôn Đông")
 * @param quantity how many were made or put up (at least 1)
 */
public record VisualProduct(String place, int quantity) {

    /**
     * The visual channel's id (Trực quan: pano, băng rôn, áp phích, tờ rơi, bảng tin, tài liệu): announced by
     * manual-channel, recorded by people in content-service, named by plan-service for the tasks that make such
     * products.
     */
    public static final String CHANNEL = "truc-quan";

    public VisualProduct {
        if (place == null || place.isBlank()) {
            throw new IllegalArgumentException("a visual product needs its place");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("a visual product's quantity is at least 1: " + quantity);
        }
    }
}
