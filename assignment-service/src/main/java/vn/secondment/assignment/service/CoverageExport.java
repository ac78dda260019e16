package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import vn.secondment.assignment.rest.CoverageCell;
import vn.secondment.assignment.rest.CoverageDelegation;
import vn.secondment.assignment.rest.CoverageHolder;
import vn.secondment.assignment.rest.CoverageMatrixView;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableWriter;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The coverage matrix as a spreadsheet: one row per ministry and province (34 per ministry), with Vietnamese
 * headers; the delegations visiting a province that day in a column of their own, beside the resident officials. The matrix is computed before the first byte (a bad request still gets its problem answer); the rows are
 * then streamed through {@link TableWriter} (CSV in UTF-8 with a byte order mark, or XLSX).
 */
@ApplicationScoped
public class CoverageExport {

    public static final List<String> HEADERS = List.of("Bộ", "Mã tỉnh", "Tỉnh/thành phố", "Số cán bộ theo yêu cầu",
            "Số cán bộ tăng cường", "Tình trạng", "Cán bộ", "Đoàn công tác");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d/M");

    public StreamingOutput export(CoverageMatrixView matrix, TableFormat format) {
        return output -> {
            try (TableWriter table = TableWriter.open(output, format, "Bao phủ " + matrix.date(), HEADERS)) {
                for (CoverageMatrixView.MinistryCoverage ministry : matrix.ministries()) {
                    for (CoverageCell cell : ministry.cells()) {
                        table.row(row(ministry.ministryCode(), cell));
                    }
                }
            }
        };
    }

    private static List<Object> row(String ministry, CoverageCell cell) {
        List<Object> cells = new ArrayList<>(HEADERS.size());
        cells.add(ministry);
        cells.add(cell.provinceCode());
        cells.add(cell.provinceName());
        cells.add(cell.required());
        cells.add(cell.count());
        cells.add(cell.state().vietnamese());
        cells.add(String.join("; ", cell.officials().stream().map(CoverageHolder::fullName)
                .filter(Objects::nonNull).toList()));
        cells.add(String.join("; ", cell.delegations().stream().map(CoverageExport::delegation).toList()));
        return cells;
    }

    /** "Đoàn kiểm tra tại tỉnh Lai Châu (512/QĐ-BDTTG), 13/10–17/10, trưởng đoàn: Thứ trưởng Hà Văn Sơn" */
    private static String delegation(CoverageDelegation delegation) {
        StringBuilder text = new StringBuilder(delegation.name());
        if (delegation.decisionNumber() != null) {
            text.append(" (").append(delegation.decisionNumber()).append(')');
        }
        text.append(", ").append(DAY_MONTH.format(delegation.startDate())).append('–')
                .append(DAY_MONTH.format(delegation.endDate()));
        CoverageDelegation.Leader leader = delegation.leader();
        if (leader != null && leader.fullName() != null) {
            text.append(", trưởng đoàn: ");
            if (leader.leadTitle() != null) {
                text.append(leader.leadTitle()).append(' ');
            }
            text.append(leader.fullName());
        }
        return text.toString();
    }
}
