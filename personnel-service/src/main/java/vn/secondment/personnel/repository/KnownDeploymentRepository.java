package vn.secondment.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.personnel.readmodel.KnownDeployment;

import java.util.UUID;

@ApplicationScoped
public class KnownDeploymentRepository implements PanacheRepositoryBase<KnownDeployment, UUID> {
}
