package com.paystream.recon.statements.formats;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The camt versions reconciliation reads — camt.053.001.02 to .13 and camt.052.001.02 to .13 — each
 * bound to its Prowide model class and mapped to {@link CamtModel}.
 *
 * <p>The Prowide classes differ per version ({@code AccountStatement2} … {@code
 * AccountStatement13}, {@code ReportEntry2} … {@code ReportEntry14}) but are generated from the ISO
 * 20022 schemas, so every element keeps its XML name as a getter ({@code getNtry()}, {@code
 * getBkTxCd()}) in every version. The mapping reads those getters by name instead of writing the
 * same walk 24 times; an element a version does not have (the transaction's own {@code Amt}, which
 * .02 only has as {@code AmtDtls/TxAmt/Amt}, read then instead) reads as null. The binding itself
 * stays strict (JAXB with the version's classes): an unknown element still refuses the file.
 */
final class CamtVersions {

  /** camt.053 (end-of-day statement) or camt.052 (intraday account report). */
  enum Message {
    CAMT053("camt.053", "BkToCstmrStmt", "Stmt"),
    CAMT052("camt.052", "BkToCstmrAcctRpt", "Rpt");

    final String name;
    final String root;
    final String statement;

    Message(String name, String root, String statement) {
      this.name = name;
      this.root = root;
      this.statement = statement;
    }

    String namespace(int version) {
      return "urn:iso:std:iso:20022:tech:xsd:" + name + ".001." + "%02d".formatted(version);
    }
  }

  static final int OLDEST = 2;
  static final int NEWEST = 13;

  /** The Prowide message class per namespace, of both messages. */
  private static final Map<String, Class<?>> MODEL_CLASSES = new LinkedHashMap<>();

  static {
    for (Message message : Message.values()) {
      for (int v = OLDEST; v <= NEWEST; v++) {
        String name =
            "MxCamt05" + (message == Message.CAMT053 ? "3" : "2") + "001%02d".formatted(v);
        try {
          MODEL_CLASSES.put(
              message.namespace(v), Class.forName("com.prowidesoftware.swift.model.mx." + name));
        } catch (ClassNotFoundException e) {
          throw new ExceptionInInitializerError("Prowide has no " + name + ": " + e);
        }
      }
    }
  }

  private CamtVersions() {}

  static boolean reads(Message message, String namespace) {
    return namespace != null
        && namespace.startsWith("urn:iso:std:iso:20022:tech:xsd:" + message.name + ".")
        && MODEL_CLASSES.containsKey(namespace);
  }

  static String versions(Message message) {
    return message.name + ".001.%02d to .%02d".formatted(OLDEST, NEWEST);
  }

  static Class<?> modelClass(String namespace) {
    return MODEL_CLASSES.get(namespace);
  }

  static Class<?>[] jaxbClasses(String namespace) {
    try {
      return (Class<?>[]) modelClass(namespace).getField("_classes").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no JAXB classes for " + namespace, e);
    }
  }

  static List<CamtModel.Statement> statements(Message kind, Object message) {
    Object root = get(message, kind.root);
    List<CamtModel.Statement> statements = new ArrayList<>();
    for (Object stmt : list(root, kind.statement)) {
      statements.add(statement(stmt));
    }
    return statements;
  }

  private static CamtModel.Statement statement(Object stmt) {
    Object acct = get(stmt, "Acct");
    List<CamtModel.Entry> entries = new ArrayList<>();
    for (Object entry : list(stmt, "Ntry")) {
      entries.add(entry(entry));
    }
    return new CamtModel.Statement(
        text(get(stmt, "Id")), account(get(acct, "Id")), text(get(acct, "Ccy")), entries);
  }

  private static CamtModel.Entry entry(Object entry) {
    List<CamtModel.Transaction> transactions = new ArrayList<>();
    for (Object details : list(entry, "NtryDtls")) {
      for (Object tx : list(details, "TxDtls")) {
        Object amount = get(tx, "Amt");
        if (amount == null) {
          amount = get(get(get(tx, "AmtDtls"), "TxAmt"), "Amt");
        }
        transactions.add(
            new CamtModel.Transaction(
                text(get(get(tx, "Refs"), "EndToEndId")),
                amount(amount),
                code(get(tx, "CdtDbtInd")),
                list(get(tx, "RmtInf"), "Ustrd").stream().map(String::valueOf).toList(),
                transactionCode(get(tx, "BkTxCd"))));
      }
    }
    return new CamtModel.Entry(
        text(get(entry, "NtryRef")),
        text(get(entry, "AcctSvcrRef")),
        amount(get(entry, "Amt")),
        code(get(entry, "CdtDbtInd")),
        code(get(entry, "Sts")),
        date(get(entry, "BookgDt")),
        date(get(entry, "ValDt")),
        text(get(entry, "AddtlNtryInf")),
        transactionCode(get(entry, "BkTxCd")),
        transactions);
  }

  private static CamtModel.TransactionCode transactionCode(Object bkTxCd) {
    if (bkTxCd == null) {
      return null;
    }
    Object domain = get(bkTxCd, "Domn");
    Object family = get(domain, "Fmly");
    return new CamtModel.TransactionCode(
        code(get(domain, "Cd")),
        code(get(family, "Cd")),
        code(get(family, "SubFmlyCd")),
        code(get(get(bkTxCd, "Prtry"), "Cd")));
  }

  /** A date-time's own local date: the day the bank booked it, in the bank's offset. */
  private static LocalDate date(Object choice) {
    if (get(choice, "Dt") instanceof LocalDate date) {
      return date;
    }
    return get(choice, "DtTm") instanceof OffsetDateTime dateTime ? dateTime.toLocalDate() : null;
  }

  private static String account(Object id) {
    String iban = text(get(id, "IBAN"));
    return iban != null ? iban : text(get(get(id, "Othr"), "Id"));
  }

  private static CamtModel.Amount amount(Object amount) {
    if (amount == null) {
      return null;
    }
    return get(amount, "Value") instanceof BigDecimal value
        ? new CamtModel.Amount(value, text(get(amount, "Ccy")))
        : new CamtModel.Amount(null, text(get(amount, "Ccy")));
  }

  /** An ISO code: a plain string, a code enum ({@code value()}), or a choice of Cd / Prtry. */
  private static String code(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Enum<?> e) {
      Object code = invoke(value, "value");
      return code == null ? e.name() : String.valueOf(code);
    }
    String cd = code(get(value, "Cd"));
    return cd != null ? cd : code(get(value, "Prtry"));
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static List<?> list(Object bean, String element) {
    return get(bean, element) instanceof Collection<?> items ? List.copyOf(items) : List.of();
  }

  /** The element's getter, or null when the bean is null or its version has no such element. */
  private static Object get(Object bean, String element) {
    return bean == null ? null : invoke(bean, "get" + element);
  }

  private static Object invoke(Object bean, String methodName) {
    Method method;
    try {
      method = bean.getClass().getMethod(methodName);
    } catch (NoSuchMethodException e) {
      return null;
    }
    try {
      return method.invoke(bean);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + methodName + " of " + bean.getClass(), e);
    }
  }
}
