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
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The benchmark's charts as PNG (JFreeChart), with Vietnamese labels (DejaVu Sans carries the diacritics). */
final class Charts {

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
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 500);
    }
}
