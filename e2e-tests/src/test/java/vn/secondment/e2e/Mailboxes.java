package vn.secondment.e2e;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The platform's mail as people read it: over IMAP from the stack's GreenMail, the address as login and password. */
final class Mailboxes {

    private Mailboxes() {
    }

    /** The subjects in an address's INBOX, oldest first; {@code imap} is {@code imap://host:port}. */
    static List<String> subjects(URI imap, String address) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(imap.getHost(), imap.getPort(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            return subjects;
        } finally {
            store.close();
        }
    }
}
