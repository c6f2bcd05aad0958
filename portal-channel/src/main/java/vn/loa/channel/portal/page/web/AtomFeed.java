package vn.loa.channel.portal.page.web;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.loa.channel.PublicSite;
import vn.loa.channel.portal.page.Page;

/**
 * The Atom 1.0 feed (RFC 4287) of a commune's CCHC column, written with the JDK's StAX writer (Rome does not
 * resolve from the registry reachable here). Only live pages; a retracted item leaves the feed.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static byte[] write(PublicSite site, String tenant, String communeName, List<Page> pages) {
        String home = site.link("/p/" + tenant + "/cchc");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeAttribute("xml:lang", "vi");
            element(x, "id", home);
            element(x, "title", "Cải cách hành chính — " + communeName);
            element(x, "subtitle", "Tin, bài về cải cách hành chính của " + communeName);
            Instant updated = pages.stream().map(Page::publishedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
            element(x, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            link(x, "alternate", home, "text/html");
            link(x, "self", home + "/feed.atom", "application/atom+xml");
            x.writeStartElement("author");
            element(x, "name", communeName);
            x.writeEndElement();
            for (Page p : pages) {
                String url = home + "/" + p.itemId();
                x.writeStartElement("entry");
                element(x, "id", url);
                element(x, "title", p.title());
                link(x, "alternate", url, "text/html");
                element(x, "published", DateTimeFormatter.ISO_INSTANT.format(p.publishedAt()));
                element(x, "updated", DateTimeFormatter.ISO_INSTANT.format(p.publishedAt()));
                if (p.summary() != null && !p.summary().isBlank()) {
                    element(x, "summary", p.summary());
                }
                x.writeStartElement("content");
                x.writeAttribute("type", "html");
                x.writeCharacters(p.bodyHtml());
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text == null ? "" : text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}
