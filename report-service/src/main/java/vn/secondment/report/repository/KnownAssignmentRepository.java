package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.readmodel.KnownAssignment;

import java.util.UUID;

@ApplicationScoped
public class KnownAssignmentRepository implements PanacheRepositoryBase<KnownAssignment, UUID> {
}
