package vn.secondment.personnel.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.StreamingOutput;
import org.hibernate.jpa.HibernateHints;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.mapping.OfficialMapper;
import vn.secondment.personnel.repository.OrgUnitRepository;
import vn.secondment.personnel.rest.OfficialFilter;
import vn.secondment.personnel.rest.OfficialView;
import vn.secondment.personnel.security.DirectoryAccess;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableWriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Streams the officials of a list (same filters, same scope, same masking) into a CSV or XLSX file, row by row from
 * a database cursor, so exporting a whole ministry never holds it in memory. The annex columns come first with their
 * standard headers, so an exported file can be edited and imported again.
 */
@ApplicationScoped
public class OfficialExport {

    private static final int FETCH_SIZE = 500;

    private final OfficialService officials;
    private final OrgUnitRepository units;
    private final OfficialMapper mapper;
    private final EntityManager entityManager;

    public OfficialExport(OfficialService officials, OrgUnitRepository units, OfficialMapper mapper,
                          EntityManager entityManager) {
        this.officials = officials;
        this.units = units;
        this.mapper = mapper;
        this.entityManager = entityManager;
    }

    public static List<String> headers() {
        List<String> headers = new ArrayList<>(Arrays.stream(AnnexColumn.values()).map(AnnexColumn::header).toList());
        headers.addAll(List.of("Bộ", "Tình trạng biệt phái", "Đang hoạt động", "Mã cán bộ"));
        return headers;
    }

    /** Checks the request now (bad filters fail before the first byte); reads the rows when the body is written. */
    public StreamingOutput export(OfficialFilter filter, TableFormat format, DirectoryAccess access) {
        Predicate<Official> showPersonal = access.personalDataPolicy();
        OfficialService.SearchPlan plan = officials.plan(filter, access);
        return output -> {
            try (TableWriter table = TableWriter.open(output, format, "Cán bộ", headers())) {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (plan.empty()) {
                        return;
                    }
                    Map<UUID, OrgUnit> unitsById = new HashMap<>();
                    units.listAll().forEach(unit -> unitsById.put(unit.id, unit));
                    PanacheQuery<Official> query = officials.query(plan)
                            .withHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                            .withHint(HibernateHints.HINT_READ_ONLY, true);
                    try (Stream<Official> rows = query.stream()) {
                        rows.forEach(official -> {
                            OrgUnit unit = official.unit == null ? null : unitsById.get(official.unit.id);
                            table.row(row(mapper.toView(official, showPersonal.test(official), false), unit));
                            entityManager.detach(official);
                        });
                    }
                });
            }
        };
    }

    private static List<Object> row(OfficialView view, OrgUnit unit) {
        List<Object> cells = new ArrayList<>();
        cells.add(view.fullName());
        cells.add(view.gender() == null ? null : view.gender().vietnamese());
        cells.add(view.dateOfBirth());
        cells.add(unit == null ? null : unit.name);
        cells.add(view.position());
        cells.add(view.grade());
        cells.add(view.category() == null ? null : view.category().vietnamese());
        cells.add(view.email());
        cells.add(view.phone());
        cells.add(String.join("; ", view.expertise()));
        cells.add(view.ministryCode());
        cells.add(view.secondmentStatus());
        cells.add(view.active());
        cells.add(view.id().toString());
        return cells;
    }
}
