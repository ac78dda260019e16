package vn.secondment.notification.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.DeadLetter;
import vn.secondment.notification.rest.DeadLetterView;

/** A dead letter as the platform admin reads it. */
@ApplicationScoped
public class DeadLetterMapper {

    public DeadLetterView toView(DeadLetter letter) {
        return new DeadLetterView(letter.id, letter.topic, letter.partition, letter.offset, letter.key,
                letter.payload, letter.error, letter.receivedAt, letter.replayedAt, letter.replayError);
    }
}
