package vn.loa.bench.stack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The benchmark's charts as PNG (JFreeChart), with Vietnamese labels (DejaVu Sans carries the diacritics). */
public final class Charts {

    static {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        Font font = new Font("DejaVu Sans", Font.PLAIN, 12);
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 16f));
        theme.setLargeFont(font.deriveFont(13f));
        theme.setRegularFont(font);
        theme.setSmallFont(font.deriveFont(10f));
        ChartFactory.setChartTheme(theme);
    }

    private Charts() {
    }

    /** One line per series: name → points (x, y). */
    static void lines(Path file, String title, String xLabel, String yLabel, Map<String, List<double[]>> series)
            throws IOException {
        lines(file, title, xLabel, yLabel, series, Map.of());
    }

    /** The same, with a labelled vertical line at each x of {@code markers} (a fault, an event). */
    public static void lines(Path file, String title, String xLabel, String yLabel,
            Map<String, List<double[]>> series, Map<Double, String> markers) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name, false);
            points.forEach(p -> s.add(p[0], p[1]));
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(markers.isEmpty() ? 2f : 1.2f));
        }
        markers.forEach((x, label) -> {
            ValueMarker m = new ValueMarker(x, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            m.setLabel(label);
            m.setLabelFont(new Font("DejaVu Sans", Font.PLAIN, 9));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addDomainMarker(m);
        });
        ChartUtils.saveChartAsPNG(file.toFile(), chart, markers.isEmpty() ? 1000 : 1400, 500);
    }
}
