package com.paystream.recon.statements.formats;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.AccountMask;
import com.paystream.recon.statements.LineKind;
import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.PayoutReferences;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementLineDraft;
import com.paystream.recon.statements.StatementMoney;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * ISO 20022 camt.053 statements and camt.052 account reports, versions .001.02 to .001.13, read
 * into the Prowide model ({@link CamtVersions}); {@link Camt053Parser} and {@link Camt052Parser}
 * are this with their message.
 *
 * <p>Prowide's own {@code MxCamt053...parse} is lenient: it drops unknown elements and turns a
 * value it cannot read (an amount {@code 12x5.50}, a date {@code 2025-13-01}) into null, and
 * returns null on broken XML, logging instead of saying where. A statement must be refused whole
 * and with a reason, so this parser binds the same Prowide classes through JAXB with a validation
 * handler that stops at the first problem and names its element path, line and column. Entity
 * expansion and DTDs are refused (XXE).
 *
 * <p>One line per booked entry ({@code Sts} BOOK; pending and information-only entries are not
 * facts yet); a batch entry with several {@code TxDtls} gives one line per transaction, whose
 * amounts must add up to the entry's. The payment reference is the transaction's {@code EndToEndId}
 * ({@code NOTPROVIDED} counts as none); the kind comes from the bank transaction code, the
 * transaction's or else the entry's ({@link BankTransactionKinds}). Currencies and amounts go
 * through the input policy ({@link StatementMoney}). A line whose {@code EndToEndId} or a word of
 * whose remittance information is a payout reference is a payout's ({@link PayoutReferences}).
 *
 * <p>camt.053: the statement id is {@code Stmt/Id}; the line id {@code NtryRef}, else {@code
 * AcctSvcrRef}, else the entry's position; per transaction {@code /<n>} is appended. camt.052: a
 * bank sends several reports a day, each listing the entries booked so far, so the line must be the
 * same in every report for deduplication to hold: the statement id is {@code camt052-} and a digest
 * of the account (never the account number itself), the line id the bank's {@code AcctSvcrRef},
 * else {@code NtryRef}; an entry with neither is refused.
 */
final class CamtParser {

  private static final String NOT_PROVIDED = "NOTPROVIDED";
  private static final Map<String, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

  private final CamtVersions.Message message;
  private final StatementFormat format;
  private final StatementMoney money;
  private final PayoutReferences payouts;

  CamtParser(CamtVersions.Message message, StatementMoney money, PayoutReferences payouts) {
    this.payouts = payouts;
    this.message = message;
    this.format =
        message == CamtVersions.Message.CAMT053 ? StatementFormat.CAMT053 : StatementFormat.CAMT052;
    this.money = money;
  }

  ParsedStatementFile parse(byte[] content) {
    Object document = unmarshal(content);
    List<CamtModel.Statement> statements = CamtVersions.statements(message, document);
    String root = message.root;
    if (statements.isEmpty()) {
      throw refuse(root, "the message holds no " + message.statement);
    }
    List<StatementLineDraft> lines = new ArrayList<>();
    Set<String> identities = new HashSet<>();
    for (int s = 0; s < statements.size(); s++) {
      String where = root + "/" + message.statement + "[" + (s + 1) + "]";
      for (StatementLineDraft line : new StatementReader(statements.get(s), where).lines()) {
        if (!identities.add(line.identity())) {
          throw refuse(
              where, "line id " + line.lineId() + " appears twice in " + line.statementId());
        }
        lines.add(line);
      }
    }
    return payouts.recognise(new ParsedStatementFile(format, lines));
  }

  /** The Prowide message object, bound strictly; refuses with element path, line and column. */
  private Object unmarshal(byte[] content) {
    // The version is known only once Document is read: a first, cheap pass finds it (and refuses
    // XML that is not well-formed), the second binds the model of that version.
    String namespace = namespaceOf(content);
    XmlDocumentFilter filter = filter();
    FirstProblem problem = new FirstProblem(filter);
    try {
      Unmarshaller unmarshaller = context(namespace).createUnmarshaller();
      unmarshaller.setEventHandler(problem);
      return unmarshaller
          .unmarshal(
              new SAXSource(filter, new InputSource(new ByteArrayInputStream(content))),
              CamtVersions.modelClass(namespace))
          .getValue();
    } catch (UnmarshalException e) {
      if (problem.where != null) {
        throw refuse(problem.where, problem.message);
      }
      throw refuse(filter.currentPath() + location(e), describe(e));
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot bind the " + message.name + " model", e);
    }
  }

  /** Stops binding at the first problem JAXB reports, remembering where it was. */
  private static final class FirstProblem implements ValidationEventHandler {
    private final XmlDocumentFilter filter;
    private String where;
    private String message;

    FirstProblem(XmlDocumentFilter filter) {
      this.filter = filter;
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
      if (where == null) {
        ValidationEventLocator locator = event.getLocator();
        where =
            filter.currentPath()
                + (locator == null || locator.getLineNumber() < 0
                    ? ""
                    : " (line "
                        + locator.getLineNumber()
                        + ", column "
                        + locator.getColumnNumber()
                        + ")");
        String text = event.getMessage() == null ? "invalid content" : event.getMessage();
        message = text.lines().findFirst().orElse(text);
      }
      return false;
    }
  }

  private String namespaceOf(byte[] content) {
    XmlDocumentFilter probe = filter();
    probe.setContentHandler(new org.xml.sax.helpers.DefaultHandler());
    try {
      probe.parse(new InputSource(new ByteArrayInputStream(content)));
    } catch (SAXParseException e) {
      throw refuse(
          probe.currentPath()
              + " (line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ")",
          "not well-formed XML: " + e.getMessage());
    } catch (SAXException | java.io.IOException e) {
      throw refuse("Document", "not readable as XML: " + e.getMessage());
    }
    String namespace = probe.documentNamespace();
    if (namespace == null) {
      throw refuse("Document", "no ISO 20022 Document element");
    }
    if (!CamtVersions.reads(message, namespace)) {
      throw refuse(
          "Document",
          "namespace "
              + InputPolicy.echo(namespace)
              + " is not a version this service reads ("
              + CamtVersions.versions(message)
              + ")");
    }
    return namespace;
  }

  private static XmlDocumentFilter filter() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      return new XmlDocumentFilter(factory.newSAXParser().getXMLReader());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("no secure XML parser available", e);
    }
  }

  private static JAXBContext context(String namespace) {
    return CONTEXTS.computeIfAbsent(
        namespace,
        ns -> {
          try {
            return JAXBContext.newInstance(CamtVersions.jaxbClasses(ns));
          } catch (JAXBException e) {
            throw new IllegalStateException("cannot bind the camt model for " + ns, e);
          }
        });
  }

  private static String location(UnmarshalException e) {
    Throwable linked = e.getLinkedException();
    if (linked instanceof SAXParseException sax) {
      return " (line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ")";
    }
    return "";
  }

  private static String describe(UnmarshalException e) {
    Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
    String message = e.getMessage() != null ? e.getMessage() : String.valueOf(cause);
    if (cause instanceof SAXParseException && !(cause.getClass().getName().contains("istack"))) {
      return "not well-formed XML: " + cause.getMessage();
    }
    return message.lines().findFirst().orElse(message);
  }

  private MalformedStatementException refuse(String where, String problem) {
    return new MalformedStatementException(format, where, problem);
  }

  /** Turns one statement into lines, refusing what is missing or invalid. */
  private final class StatementReader {

    private final CamtModel.Statement statement;
    private final String where;

    StatementReader(CamtModel.Statement statement, String where) {
      this.statement = statement;
      this.where = where;
    }

    List<StatementLineDraft> lines() {
      String id = text(statement.id(), where + "/Id");
      String account = AccountMask.mask(statement.account());
      if (message == CamtVersions.Message.CAMT052) {
        if (statement.account() == null) {
          throw refuse(where + "/Acct/Id", "missing: an intraday report is known by its account");
        }
        id = "camt052-" + digest(statement.account());
      }
      List<StatementLineDraft> lines = new ArrayList<>();
      List<CamtModel.Entry> entries = statement.entries();
      for (int n = 0; n < entries.size(); n++) {
        CamtModel.Entry entry = entries.get(n);
        String entryWhere = where + "/Ntry[" + (n + 1) + "]";
        if (!booked(entry, entryWhere)) {
          continue;
        }
        lines.addAll(new EntryReader(id, account, entry, n + 1, entryWhere).lines());
      }
      return lines;
    }

    private boolean booked(CamtModel.Entry entry, String where) {
      String status = entry.status();
      if (status == null) {
        throw refuse(where + "/Sts", "missing or not one of BOOK, PDNG, INFO");
      }
      return status.equals("BOOK");
    }
  }

  /** Turns one booked entry into one line, or one per transaction of a batch. */
  private final class EntryReader {

    private final String statementId;
    private final String account;
    private final CamtModel.Entry entry;
    private final int position;
    private final String where;

    EntryReader(
        String statementId, String account, CamtModel.Entry entry, int position, String where) {
      this.statementId = statementId;
      this.account = account;
      this.entry = entry;
      this.position = position;
      this.where = where;
    }

    List<StatementLineDraft> lines() {
      CamtModel.Amount amount = amount(entry.amount(), where + "/Amt");
      long amountMinor = minor(amount, where + "/Amt");

      Direction direction = direction(entry.creditDebit(), where + "/CdtDbtInd");
      if (entry.bookingDate() == null) {
        throw refuse(where + "/BookgDt", "missing: the booking date is the business date");
      }
      String lineId = lineId();
      List<CamtModel.Transaction> txs = entry.transactions();
      if (txs.size() <= 1) {
        CamtModel.Transaction tx = txs.isEmpty() ? null : txs.get(0);
        return List.of(
            line(lineId, direction, amountMinor, amount.currency(), tx, description(tx)));
      }
      return batch(lineId, direction, amountMinor, amount.currency());
    }

    private List<StatementLineDraft> batch(
        String lineId, Direction entryDirection, long entryMinor, String currency) {
      List<StatementLineDraft> lines = new ArrayList<>();
      long sum = 0;
      for (int t = 0; t < entry.transactions().size(); t++) {
        CamtModel.Transaction tx = entry.transactions().get(t);
        String txWhere = where + "/NtryDtls/TxDtls[" + (t + 1) + "]";
        CamtModel.Amount amount = amount(tx.amount(), txWhere + "/Amt");
        if (!amount.currency().equals(currency)) {
          throw refuse(
              txWhere + "/Amt",
              "currency " + amount.currency() + " differs from the entry's " + currency);
        }
        long minor = minor(amount, txWhere + "/Amt");
        Direction direction =
            tx.creditDebit() == null
                ? entryDirection
                : direction(tx.creditDebit(), txWhere + "/CdtDbtInd");
        sum += direction == entryDirection ? minor : -minor;
        lines.add(line(lineId + "/" + (t + 1), direction, minor, currency, tx, description(tx)));
      }
      if (sum != entryMinor) {
        throw refuse(
            where + "/NtryDtls",
            "the transactions add up to " + sum + " minor units, the entry says " + entryMinor);
      }
      return lines;
    }

    private StatementLineDraft line(
        String lineId,
        Direction direction,
        long amountMinor,
        String currency,
        CamtModel.Transaction tx,
        String description) {
      return new StatementLineDraft(
          statementId,
          lineId,
          format,
          account,
          null,
          reference(tx),
          direction,
          kind(tx, direction),
          Money.of(amountMinor, currency),
          entry.bookingDate(),
          entry.valueDate(),
          description);
    }

    private LineKind kind(CamtModel.Transaction tx, Direction direction) {
      CamtModel.TransactionCode code = tx != null && tx.code() != null ? tx.code() : entry.code();
      return code == null
          ? BankTransactionKinds.fallback(direction)
          : BankTransactionKinds.iso20022(
              code.domain(), code.family(), code.subFamily(), code.proprietary(), direction);
    }

    private String lineId() {
      if (message == CamtVersions.Message.CAMT052) {
        String ref = entry.servicerRef() != null ? entry.servicerRef() : entry.entryRef();
        if (ref == null || ref.isBlank()) {
          throw refuse(
              where + "/AcctSvcrRef",
              "missing: an intraday report's entry needs the bank's reference (or NtryRef),"
                  + " the same in every report of the day");
        }
        return ref.trim();
      }
      if (entry.entryRef() != null && !entry.entryRef().isBlank()) {
        return entry.entryRef().trim();
      }
      if (entry.servicerRef() != null && !entry.servicerRef().isBlank()) {
        return entry.servicerRef().trim();
      }
      return "Ntry-" + position;
    }

    private static String reference(CamtModel.Transaction tx) {
      if (tx == null || tx.endToEndId() == null) {
        return null;
      }
      String id = tx.endToEndId().trim();
      return id.isEmpty() || id.equals(NOT_PROVIDED) ? null : id;
    }

    private String description(CamtModel.Transaction tx) {
      if (tx != null && !tx.remittance().isEmpty()) {
        return String.join(" ", tx.remittance()).trim();
      }
      return entry.additionalInfo() == null ? "" : entry.additionalInfo().trim();
    }
  }

  /** Twelve hex digits of the account's SHA-256: the same for an account, never its number. */
  private static String digest(String account) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(account.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private CamtModel.Amount amount(CamtModel.Amount amount, String where) {
    if (amount == null || amount.value() == null) {
      throw refuse(where, "missing");
    }
    if (amount.currency() == null) {
      throw refuse(where, "the Ccy attribute is missing");
    }
    return amount;
  }

  private long minor(CamtModel.Amount amount, String where) {
    return money.decimal(amount.value(), amount.currency(), format, where).minor();
  }

  private Direction direction(String code, String where) {
    if ("CRDT".equals(code)) {
      return Direction.CREDIT;
    }
    if ("DBIT".equals(code)) {
      return Direction.DEBIT;
    }
    throw refuse(where, "missing or not CRDT/DBIT");
  }

  private String text(String value, String where) {
    if (value == null || value.isBlank()) {
      throw refuse(where, "missing");
    }
    return value.trim();
  }
}
