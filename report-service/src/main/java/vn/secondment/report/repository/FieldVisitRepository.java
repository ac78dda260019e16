package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.FieldVisit;

import java.util.UUID;

@ApplicationScoped
public class FieldVisitRepository implements PanacheRepositoryBase<FieldVisit, UUID> {
}
