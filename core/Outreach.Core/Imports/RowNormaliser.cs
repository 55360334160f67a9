using System.Text;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// Turns one CSV record into a normalised contact or a list of reasons it is refused. Rules (documented in
/// samples/README.md): a row needs a name (first, last or full) and an email or LinkedIn profile URL; values
/// are trimmed and whitespace collapsed; an email is checked, never repaired, though one written as mail clients write it
/// (<c>Jane Doe &lt;jane@x.org&gt;</c>, several in a cell) is read (<see cref="MailboxList"/>); the LinkedIn URL is made
/// canonical; dates must be unambiguous; each field has a length limit; fewer cells than headers leave the
/// missing fields empty, more cells are refused when the extra cells hold data; a cell that looks like a
/// spreadsheet formula is kept as text.
/// </summary>
internal sealed class RowNormaliser
{
    /// <summary>
    /// Control characters no contact's text holds (C0 but the line break notes keep, DEL, C1): a NUL or an escape
    /// sequence in a name is a broken file or an attack on whatever displays it, so the row is refused, not cleaned.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c != '\n').Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)]);

    /// <summary>The longest date cell <see cref="TryPlainDate"/> reads (a date with a full month name and spaces around it fits).</summary>
    private const int ShortDateCell = 32;

    private readonly ImportLayout _layout;
    private readonly ImportOptions _options;
    private readonly bool? _dayFirst;
    private readonly int _columns;
    private readonly FieldLimits _limits;
    private readonly IReadOnlyList<EventMet> _defaultEvents;

    /// <summary>Where a row's keys are lower-cased and folded for hashing (names and company within their limits fit).</summary>
    private readonly char[] _scratch = new char[1024];

    private readonly OwnerContactIds _ids;

    /// <summary>Whether the current record needs no whitespace cleaning beyond its cells' edges (<see cref="CsvRecordCursor.IsPlainRecord"/>).</summary>
    private bool _plain;

    public RowNormaliser(ImportLayout layout, ImportOptions options)
    {
        _layout = layout;
        _options = options;
        _dayFirst = options.DateCulture is { } culture ? ImportDateParser.DayFirstIn(culture) : null;
        _columns = layout.Headers.Count;
        _limits = FieldLimits.Within(options.MaxFieldLength);
        _ids = ContactIdFactory.For(options.OwnerId);
        _defaultEvents = options.DefaultEvent is null && options.DefaultMetOn is null ? [] : [new EventMet(options.DefaultEvent, options.DefaultMetOn)];
    }

    /// <summary>The events met of every row that names no event or date of its own: one list, shared.</summary>
    public IReadOnlyList<EventMet> DefaultEvents => _defaultEvents;

    /// <summary>Cells kept as text although they start like a spreadsheet formula.</summary>
    public long FormulaLikeCells { get; private set; }

    /// <summary>Reads the cursor's record into <paramref name="row"/>; false for a blank row (every cell empty), which is skipped.</summary>
    public bool Read(CsvRecordCursor cursor, StagedRow row)
    {
        if (cursor.QuotingProblem is { } quoting)
        {
            row.Reject(cursor.Line, [new RowError("row", quoting)], cursor.RawText());
            return true;
        }

        if (IsBlank(cursor))
        {
            return false;
        }

        _plain = cursor.IsPlainRecord;
        List<RowError>? errors = null;
        if (cursor.FieldCount > _columns && HasDataBeyondHeader(cursor))
        {
            Add(ref errors, "row", $"has {cursor.FieldCount} cells but the header has {_columns}; the extra cells hold data no column is named for");
        }

        var firstName = Text(cursor, ContactField.FirstName, _limits.Name, ref errors);
        var lastName = Text(cursor, ContactField.LastName, _limits.Name, ref errors);
        var fullName = Text(cursor, ContactField.FullName, _limits.Name, ref errors);
        if (firstName is null && lastName is null && fullName is not null)
        {
            // A suffix or credential ("Jane Doe, MBA") is left out of both names. It is not put in the notes either: their
            // first line is the topic a thank-you note names ("I enjoyed talking about ..."). The upload keeps the cell.
            (firstName, lastName, _) = FullNameSplitter.Split(fullName);
        }
        else
        {
            // LinkedIn members write "Dr. Jane", "Jane 🚀" or "Doe, MBA" in their own name fields: a note greets "Hi Jane,".
            firstName = firstName is null ? null : FullNameSplitter.GivenName(firstName);
            lastName = lastName is null ? null : FullNameSplitter.FamilyName(lastName);
        }

        if (NameCase.IsWhollyCapitals(firstName, lastName))
        {
            // "JANE","DOE" typed with caps lock: a note greets "Hi Jane," (the upload keeps the cells as written).
            (firstName, lastName) = (NameCase.Capitalise(firstName), NameCase.Capitalise(lastName));
        }

        List<RowError>? addressesLeftOut = null;
        var email = Email(cursor, ref errors, out var furtherEmails, out var exchangeHeader, out var displayName, ref addressesLeftOut);
        if (displayName is not null && firstName is null && lastName is null && !HasErrorOn(errors, ContactField.FirstName, ContactField.LastName, ContactField.FullName))
        {
            // "Jane Doe <jane@x.org>" in a row that names no one: the name the address was written with is the person's.
            (firstName, lastName) = NameFromAddress(displayName);
        }

        var linkedIn = LinkedIn(cursor, ref errors);
        var company = Text(cursor, ContactField.Company, _limits.Name, ref errors);
        var position = Text(cursor, ContactField.Position, _limits.Name, ref errors);
        var connectedOn = Date(cursor, ContactField.ConnectedOn, ref errors);
        var eventName = Text(cursor, ContactField.Event, _limits.Name, ref errors);
        var metOn = Date(cursor, ContactField.MetOn, ref errors);
        var notes = Text(cursor, ContactField.Notes, _limits.Notes, ref errors, multiLine: true);
        var offer = Text(cursor, ContactField.Offer, _limits.Notes, ref errors, multiLine: true);
        var tags = Tags(cursor, ref errors);

        if (firstName is null && lastName is null && !HasErrorOn(errors, ContactField.FirstName, ContactField.LastName, ContactField.FullName))
        {
            Add(ref errors, NameHeaders(), "is empty: a row needs a first, last or full name");
        }

        if (email is null && linkedIn is null && !HasErrorOn(errors, ContactField.Email, ContactField.LinkedInUrl))
        {
            if (exchangeHeader is not null)
            {
                Add(ref errors, exchangeHeader, ExchangeAddressProblem);
            }
            else
            {
                Add(ref errors, IdentityHeaders(), "is empty: a row needs an email address or a LinkedIn profile URL");
            }
        }

        if (errors is not null)
        {
            row.Reject(cursor.Line, errors, cursor.RawText());
            return true;
        }

        // The id it gets if it is new comes from its strongest key: made now so a new row's contact is made once.
        var keyCount = ContactKeys.HashesOf(email, linkedIn, firstName, lastName, company, _ids, _scratch, row.KeyBuffer, out var newId, out var nameHash);
        if (furtherEmails is not null)
        {
            // After the contact's own keys: a further address finds the contact, never decides which one a row's own keys find.
            foreach (var further in furtherEmails)
            {
                row.KeyBuffer[keyCount++] = _ids.KeyHash(ContactKeyKind.Email, further);
            }
        }

        var contact = new Contact
        {
            OwnerId = _options.OwnerId,
            ContactId = ContactIdFactory.Format(newId),
            FirstName = firstName,
            LastName = lastName,
            Email = email,
            LinkedInUrl = linkedIn,
            Company = company,
            Position = position,
            ConnectedOn = connectedOn,
            AddedOn = _options.AddedOn,
            Events = EventsOf(eventName, metOn),
            Notes = notes,
            Offer = offer,
            Tags = tags,
            Source = new ContactSource(_options.ImportId, _options.FileName, cursor.Line),
        };
        row.Accept(cursor.Line, contact, keyCount, newId, furtherEmails, addressesLeftOut, nameHash);
        return true;
    }

    /// <summary>
    /// The row's meeting: its own event and date, else the import's. Rows that give neither share one (immutable)
    /// list, so a file without those columns allocates nothing for them.
    /// </summary>
    private IReadOnlyList<EventMet> EventsOf(string? eventName, DateOnly? metOn)
    {
        if (eventName is null && metOn is null)
        {
            return _defaultEvents;
        }

        return [new EventMet(eventName ?? _options.DefaultEvent, metOn ?? _options.DefaultMetOn)];
    }

    private static void Add(ref List<RowError>? errors, string field, string reason) => (errors ??= []).Add(new RowError(field, reason));

    private string? Cell(CsvRecordCursor cursor, ContactField field)
    {
        var column = _layout.ColumnOf(field);
        return column < 0 || column >= cursor.FieldCount || cursor.IsEmpty(column) ? null : cursor.GetString(column);
    }

    private string? Text(CsvRecordCursor cursor, ContactField field, int limit, ref List<RowError>? errors, bool multiLine = false)
    {
        var raw = Cell(cursor, field);
        if (raw is null)
        {
            return null;
        }

        var value = multiLine ? TextCleaner.MultiLine(raw, _plain) : TextCleaner.SingleLine(raw, _plain);
        if (value is null)
        {
            return null;
        }

        if (value.Length > limit)
        {
            Add(ref errors, _layout.HeaderOf(field), $"is {value.Length} characters long; the limit is {limit}");
            return null;
        }

        // A plain record has no control character (CsvRecordCursor.IsPlainRecord); cleaning took out those that are white space.
        if (!_plain && value.AsSpan().IndexOfAny(ControlCharacters) is var at and >= 0)
        {
            Add(ref errors, _layout.HeaderOf(field), $"contains the control character U+{(int)value[at]:X4}, which no contact's text can hold");
            return null;
        }

        if (CsvText.StartsLikeFormula(value))
        {
            FormulaLikeCells++;
        }

        return value;
    }

    /// <param name="cursor">The record.</param>
    /// <param name="errors">Receives the problem of a broken address.</param>
    /// <param name="further">
    /// The email keys of the row's other valid addresses (further address columns after the one read, and the rest of a
    /// Google <c>a ::: b</c> cell), not equal to the address or one another, at most <see cref="StagedRow.MaxFurtherEmails"/>;
    /// null for none.
    /// </param>
    /// <param name="exchangeHeader">
    /// The header of the first address column that held an Exchange address (<see cref="IsExchangeAddress"/>), read as no
    /// address, or null: why a row left without any address is refused.
    /// </param>
    /// <param name="displayName">The name the address was written with (<c>Jane Doe &lt;jane@x.org&gt;</c>), or null.</param>
    /// <param name="leftOut">Receives what is said of the row's other addresses its contact is not found by (<see cref="LeftOutAddresses"/>).</param>
    private string? Email(CsvRecordCursor cursor, ref List<RowError>? errors, out List<string>? further, out string? exchangeHeader, out string? displayName, ref List<RowError>? leftOut)
    {
        further = null;
        exchangeHeader = null;
        displayName = null;
        var header = _layout.HeaderOf(ContactField.Email);
        var value = TextCleaner.SingleLine(Cell(cursor, ContactField.Email), _plain);
        if (value is not null && IsExchangeAddress(value))
        {
            (exchangeHeader, value) = (header, null);
        }

        // Only an empty email column is filled from a further address: a broken one is reported, not passed over.
        var nextSpare = 0;
        while (value is null && nextSpare < _layout.SpareEmailColumns.Count)
        {
            var column = _layout.SpareEmailColumns[nextSpare++];
            if (column < cursor.FieldCount && !cursor.IsEmpty(column))
            {
                value = TextCleaner.SingleLine(cursor.GetString(column), _plain);
                header = _layout.Headers[column];
                if (value is not null && IsExchangeAddress(value))
                {
                    (exchangeHeader, value) = (exchangeHeader ?? header, null);
                }
            }
        }

        if (value is null)
        {
            return null;
        }

        // A plain address is checked as it is. Only a cell that is not one and has a mark of another form ("Jane Doe
        // <jane@x.org>", mailto:, quotes, Google's "a ::: b", "a; b") is read as mailboxes, the first being the row's.
        List<Mailbox>? mailboxes = null;
        if (EmailSyntax.Problem(value) is { } problem)
        {
            if (!MailboxList.MayHoldOtherForms(value))
            {
                Add(ref errors, header, value.Length > _limits.Email ? $"is {value.Length} characters long; the limit is {_limits.Email}" : $"is not a valid email address: it {problem}");
                return null;
            }

            mailboxes = MailboxList.Parse(value);
            if (mailboxes[0].Problem is { } first)
            {
                Add(ref errors, header, $"is not a valid email address: {(mailboxes.Count == 1 ? "it" : "its first address")} {first}");
                return null;
            }

            (value, displayName) = (mailboxes[0].Address!, mailboxes[0].DisplayName);
        }

        if (value.Length > _limits.Email)
        {
            Add(ref errors, header, $"is {value.Length} characters long; the limit is {_limits.Email}");
            return null;
        }

        if (mailboxes is not { Count: > 1 } && nextSpare == _layout.SpareEmailColumns.Count)
        {
            return value; // no further address to read (every LinkedIn export): no key made for comparing
        }

        var key = ContactKeys.EmailKey(value)!;
        if (mailboxes is not null)
        {
            AddFurther(mailboxes, 1, header, key, ref further, ref leftOut);
        }

        for (var i = nextSpare; i < _layout.SpareEmailColumns.Count; i++)
        {
            var column = _layout.SpareEmailColumns[i];
            if (column < cursor.FieldCount && !cursor.IsEmpty(column))
            {
                AddFurther(TextCleaner.SingleLine(cursor.GetString(column), _plain), _layout.Headers[column], key, ref further, ref leftOut);
            }
        }

        return value;
    }

    /// <summary>
    /// The first and last name of a display name (<c>Jane Doe</c>, <c>"Doe, Jane"</c>), split as a name column's is; none
    /// when it is too long or holds a control character, as a name column's would be refused for.
    /// </summary>
    private (string? First, string? Last) NameFromAddress(string displayName)
    {
        if (displayName.Length > _limits.Name || displayName.AsSpan().IndexOfAny(ControlCharacters) >= 0)
        {
            return (null, null);
        }

        var (first, last, _) = FullNameSplitter.Split(displayName);
        return (first, last);
    }

    /// <summary>
    /// Whether <paramref name="value"/> is an Exchange address (<c>/o=ExchangeLabs/ou=.../cn=Recipients/cn=...</c>): what
    /// classic Outlook exports in <c>E-mail Address</c> for a contact from the organisation's directory (its
    /// <c>E-mail Type</c> is <c>EX</c>). It names a mailbox inside that Exchange, no address mail can be sent to, so the
    /// row reads it as no address: it takes one from a further address column, and without one it is refused saying why.
    /// </summary>
    private static bool IsExchangeAddress(string value) =>
        value.StartsWith("/o=", StringComparison.OrdinalIgnoreCase) && value.Contains("/cn=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason a row whose only address is an Exchange address (<see cref="IsExchangeAddress"/>) is refused.</summary>
    private const string ExchangeAddressProblem =
        "holds an Exchange address (/o=.../cn=...), which Outlook exports for a contact of your organisation's directory: " +
        "no mail can be sent to it. Type the person's email address in its place (Outlook shows it on the contact card), or give their LinkedIn profile URL";

    /// <summary>
    /// Adds the addresses of a further address cell (one, or several as <c>a ::: b</c> or <c>a; b</c>, in any form
    /// <see cref="MailboxList"/> reads) to <paramref name="further"/> (<see cref="AddFurther(List{Mailbox}, int, string, string, ref List{string}?, ref List{RowError}?)"/>).
    /// An Exchange address there is passed over: it names no mailbox, and the row has its own address.
    /// </summary>
    private void AddFurther(string? cell, string header, string ownKey, ref List<string>? further, ref List<RowError>? leftOut)
    {
        if (cell is null || IsExchangeAddress(cell))
        {
            return;
        }

        var problem = EmailSyntax.Problem(cell);
        if (problem is not null && !MailboxList.MayHoldOtherForms(cell))
        {
            (leftOut ??= []).Add(LeftOutAddresses.Invalid(header, 1, 1, problem));
            return;
        }

        AddFurther(problem is null ? [new Mailbox(cell, null, null)] : MailboxList.Parse(cell), 0, header, ownKey, ref further, ref leftOut);
    }

    /// <summary>
    /// Adds the email keys of <paramref name="mailboxes"/> from <paramref name="from"/> on to <paramref name="further"/>, but
    /// for the row's own (<paramref name="ownKey"/>) and ones already there. One that is not a valid address, or past the
    /// <see cref="StagedRow.MaxFurtherEmails"/> a contact is found by, is left out and said so in <paramref name="leftOut"/>,
    /// naming the column and which of its addresses: the row still imports, identified by its own address.
    /// </summary>
    private void AddFurther(List<Mailbox> mailboxes, int from, string header, string ownKey, ref List<string>? further, ref List<RowError>? leftOut)
    {
        for (var i = from; i < mailboxes.Count; i++)
        {
            var (address, _, problem) = mailboxes[i];
            RowError? left = null;
            if (problem is not null)
            {
                left = LeftOutAddresses.Invalid(header, i + 1, mailboxes.Count, problem);
            }
            else if (address!.Length > _limits.Email)
            {
                left = LeftOutAddresses.TooLong(header, i + 1, mailboxes.Count, address.Length, _limits.Email);
            }
            else if (ContactKeys.EmailKey(address) is { } key && key != ownKey && !(further?.Contains(key) ?? false))
            {
                if ((further?.Count ?? 0) < StagedRow.MaxFurtherEmails)
                {
                    (further ??= []).Add(key);
                }
                else
                {
                    left = LeftOutAddresses.PastTheLimit(header, i + 1, mailboxes.Count);
                }
            }

            if (left is not null)
            {
                (leftOut ??= []).Add(left);
            }
        }
    }

    private string? LinkedIn(CsvRecordCursor cursor, ref List<RowError>? errors)
    {
        var value = TextCleaner.SingleLine(Cell(cursor, ContactField.LinkedInUrl), _plain);
        if (value is null)
        {
            return ProfileFromWebsites(cursor);
        }

        var header = _layout.HeaderOf(ContactField.LinkedInUrl);
        if (value.Length > _limits.Url)
        {
            Add(ref errors, header, $"is {value.Length} characters long; the limit is {_limits.Url}");
            return null;
        }

        if (LinkedInProfileUrl.TryNormalise(value, out var canonical) is { } problem)
        {
            Add(ref errors, header, $"is not a LinkedIn profile URL: it {problem}");
            return null;
        }

        return canonical;
    }

    /// <summary>
    /// The first website cell (<see cref="ImportLayout.WebsiteColumns"/>) that is a LinkedIn profile URL, made canonical;
    /// null when none is. Other websites are no error: a website column holds whatever site the person has.
    /// </summary>
    private string? ProfileFromWebsites(CsvRecordCursor cursor)
    {
        foreach (var column in _layout.WebsiteColumns)
        {
            if (column >= cursor.FieldCount || cursor.IsEmpty(column))
            {
                continue;
            }

            var value = TextCleaner.SingleLine(cursor.GetString(column), _plain);
            if (value is not null && value.Length <= _limits.Url && LinkedInProfileUrl.TryNormalise(value, out var canonical) is null)
            {
                return canonical;
            }
        }

        return null;
    }

    private DateOnly? Date(CsvRecordCursor cursor, ContactField field, ref List<RowError>? errors)
    {
        if (TryPlainDate(cursor, field, out var plain))
        {
            return plain;
        }

        var value = TextCleaner.SingleLine(Cell(cursor, field), _plain);
        if (value is null)
        {
            return null;
        }

        if (ImportDateParser.TryParse(value, _dayFirst, out var date) is { } problem)
        {
            Add(ref errors, _layout.HeaderOf(field), $"'{Shorten(value)}' {problem}");
            return null;
        }

        return date;
    }

    /// <summary>
    /// A date read from the cell's bytes as CsvHelper holds them, with no string made: for a short ASCII cell of a plain
    /// record (<see cref="CsvRecordCursor.IsPlainRecord"/>: only its edges can hold white space), as exports write dates.
    /// False when the cell is not such a cell or holds no date, which <see cref="Date"/> then reads the long way (and
    /// says why it is no date).
    /// </summary>
    private bool TryPlainDate(CsvRecordCursor cursor, ContactField field, out DateOnly? date)
    {
        date = null;
        var column = _layout.ColumnOf(field);
        if (!_plain || column < 0 || column >= cursor.FieldCount)
        {
            return false;
        }

        var bytes = cursor.GetSpan(column).Trim((byte)' ');
        if (bytes.IsEmpty)
        {
            return true; // an empty cell: no date, no problem
        }

        if (ImportDateParser.TryParseLinkedInShape(bytes, out var linkedIn))
        {
            date = linkedIn;
            return true;
        }

        if (bytes.Length > ShortDateCell || !Ascii.IsValid(bytes))
        {
            return false;
        }

        Span<char> chars = stackalloc char[ShortDateCell];
        Ascii.ToUtf16(bytes, chars, out var written);
        if (ImportDateParser.TryParse(chars[..written], _dayFirst, out var parsed) is not null)
        {
            return false;
        }

        date = parsed;
        return true;
    }

    private string[] Tags(CsvRecordCursor cursor, ref List<RowError>? errors)
    {
        var value = Text(cursor, ContactField.Tags, _limits.Tags, ref errors);
        if (value is null)
        {
            return [];
        }

        var tags = new List<string>();
        foreach (var part in value.Split([",", ";", ":::", "|"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!tags.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(part);
            }
        }

        return [.. tags];
    }

    private bool HasErrorOn(List<RowError>? errors, params ReadOnlySpan<ContactField> fields)
    {
        if (errors is null)
        {
            return false;
        }

        foreach (var field in fields)
        {
            if (_layout.Has(field) && errors.Exists(e => e.Field == _layout.HeaderOf(field)))
            {
                return true;
            }

            // An address read from a further column is reported under that column's header.
            if (field == ContactField.Email && errors.Exists(e => _layout.SpareEmailColumns.Any(c => e.Field == _layout.Headers[c])))
            {
                return true;
            }
        }

        return false;
    }

    private string NameHeaders() => JoinHeaders(ContactField.FirstName, ContactField.LastName, ContactField.FullName);

    private string IdentityHeaders() => JoinHeaders(ContactField.Email, ContactField.LinkedInUrl);

    private string JoinHeaders(params ReadOnlySpan<ContactField> fields)
    {
        var names = new List<string>(fields.Length);
        foreach (var field in fields)
        {
            if (_layout.Has(field))
            {
                names.Add(_layout.HeaderOf(field));
            }
        }

        return string.Join(" / ", names);
    }

    private bool HasDataBeyondHeader(CsvRecordCursor cursor)
    {
        for (var i = _columns; i < cursor.FieldCount; i++)
        {
            if (!cursor.IsBlankCell(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every cell of the record is empty or white space (a blank row is skipped, not counted).</summary>
    public static bool IsBlank(CsvRecordCursor cursor)
    {
        if (!cursor.MayBeBlank)
        {
            return false;
        }

        for (var i = 0; i < cursor.FieldCount; i++)
        {
            if (!cursor.IsBlankCell(i))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
