package vn.loa.report.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where LibreOffice's {@code soffice} is ({@code loa.report.soffice}); blank: looked for on the PATH.
 */
@ConfigurationProperties("loa.report")
public record PdfSettings(@DefaultValue("") String soffice) {

    /** LibreOffice looked for on the PATH. */
    public static final PdfSettings ON_THE_PATH = new PdfSettings("");
}
