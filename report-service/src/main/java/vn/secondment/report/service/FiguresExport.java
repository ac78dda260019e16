package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import vn.secondment.report.rest.FiguresRow;
import vn.secondment.report.rest.FiguresView;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableWriter;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The side-by-side figures as a spreadsheet, one row per ministry, province and week, with Vietnamese headers. The
 * figures are computed before the first byte (a bad request still gets its problem answer), then streamed.
 */
@ApplicationScoped
public class FiguresExport {

    public static final List<String> HEADERS = List.of("Bộ", "Mã tỉnh", "Tỉnh/thành phố", "Tuần",
            "Cán bộ tại địa phương", "Báo cáo phải nộp", "Đã nộp", "Nộp muộn", "Quá hạn chưa nộp", "Đã chấp nhận",
            "Khó khăn, kiến nghị mới", "Chưa trả lời", "Đã chuyển đơn vị", "Quá hạn trả lời", "Đã trả lời",
            "Lĩnh vực nhiều nhất", "Chuyến khảo sát xã", "Trong đó đi cùng nhau", "Lượt cán bộ đi khảo sát",
            "Đề nghị hỗ trợ của tỉnh", "Đề nghị chờ quyết định", "Đề nghị được chấp nhận", "Đề nghị bị từ chối");

    public StreamingOutput export(FiguresView view, TableFormat format) {
        return output -> {
            try (TableWriter table = TableWriter.open(output, format, "Số liệu " + view.from() + " - " + view.to(),
                    HEADERS)) {
                for (FiguresRow row : view.rows()) {
                    table.row(Arrays.asList(row.ministryCode(), row.provinceCode(), row.provinceName(), row.week(),
                            row.officialsOnSite(), row.reports().due(), row.reports().submitted(),
                            row.reports().late(), row.reports().overdue(), row.reports().accepted(),
                            row.issues().raised(), row.issues().open(), row.issues().escalated(),
                            row.issues().overdue(), row.issues().answered(),
                            row.topFields().stream().map(f -> f.label() + " (" + f.count() + ")")
                                    .collect(Collectors.joining("; ")),
                            row.visits().visits(), row.visits().joint(), row.visits().participants(),
                            row.requests().filed(), row.requests().open(), row.requests().accepted(),
                            row.requests().declined()));
                }
            }
        };
    }
}
