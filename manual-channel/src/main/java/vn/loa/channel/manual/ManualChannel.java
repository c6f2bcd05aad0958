package vn.loa.channel.manual;

import vn.loa.channel.Channel;
import vn.loa.channel.ChannelInfo;
import vn.loa.channel.Outcome;
import vn.loa.channel.PublicationPending;
import vn.loa.channel.PublicationRefused;
import vn.loa.channel.manual.publication.ManualPublications;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.content.VisualProduct;

/**
 * One outside channel (the press, Zalo OA…) that Loa cannot publish on by itself. {@link #publish} records the
 * request as waiting for an operator (in {@code manual_publications}, keyed by request id, with the tenant) and
 * answers {@link PublicationPending}: the library sends nothing until the operator confirms it with the URL or says it
 * could not be published ({@code ManualDesk}, through the library's {@code PendingPublications}).
 */
public class ManualChannel implements Channel {

    private final ChannelInfo info;
    private final ManualPublications publications;

    public ManualChannel(ChannelInfo info, ManualPublications publications) {
        if (!info.needsUrl()) {
            throw new IllegalArgumentException("a manual channel needs a URL from its operator: " + info.id());
        }
        this.info = info;
        this.publications = publications;
    }

    @Override
    public ChannelInfo info() {
        return info;
    }

    @Override
    public Outcome publish(PublicationRequested request) {
        if (request.tenantId() == null || request.tenantId().isBlank()) {
            throw new PublicationRefused("Yêu cầu đăng bài không cho biết thuộc xã nào.");
        }
        if (request.title() == null || request.title().isBlank()) {
            throw new PublicationRefused("Tin, bài không có tiêu đề nên không thể đăng trên «" + info.displayName()
                    + "».");
        }
        publications.recordPending(request, info);
        if (VisualProduct.CHANNEL.equals(info.id())) {
            throw new PublicationPending("Chờ cán bộ ghi nhận sản phẩm trực quan (loại, nơi đặt, số lượng, ngày và ảnh"
                    + " minh chứng) trên trang tin, bài.");
        }
        throw new PublicationPending("Chờ cán bộ đăng bài trên «" + info.displayName()
                + "» và xác nhận đường dẫn bài đã đăng.");
    }

    @Override
    public void retract(String tenantId, String itemId) {
        publications.retracted(tenantId, itemId, info.id());
    }

    /** Recording the waiting request is an insert-if-absent keyed by request id: doing it twice changes nothing. */
    @Override
    public boolean repeatable() {
        return true;
    }
}
