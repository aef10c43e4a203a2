namespace Bagalau.Domain.Organisation;

/// <summary>
/// A broken rule, as a stable code (e.g. <c>iin-checksum</c>) plus the values the message needs.
/// The application turns it into Kazakh, Russian or English text; the domain never formats text.
/// </summary>
public sealed record ValidationError
{
    public ValidationError(string code, string? field = null, params string[] args)
    {
        Code = code;
        Field = field;
        Args = args;
    }

    /// <summary>Stable, kebab-case error id.</summary>
    public string Code { get; }

    /// <summary>The input field (or import column) at fault, when there is one.</summary>
    public string? Field { get; }

    /// <summary>Values for the message placeholders {0}, {1}, ...</summary>
    public IReadOnlyList<string> Args { get; }

    public bool Equals(ValidationError? other) =>
        other is not null && Code == other.Code && Field == other.Field && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Code, Field, Args.Count);

    public override string ToString() =>
        Args.Count == 0 ? Code : Code + "(" + string.Join(", ", Args) + ")";
}

/// <summary>Outcome of an operation that either succeeds or lists every rule it broke.</summary>
public class Result
{
    private static readonly Result Ok = new([]);

    protected Result(IReadOnlyList<ValidationError> errors) => Errors = errors;

    public IReadOnlyList<ValidationError> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public static Result Success() => Ok;

    public static Result Failure(params ValidationError[] errors) =>
        errors.Length == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new Result(errors);

    public static Result Failure(IEnumerable<ValidationError> errors) => Failure(errors.ToArray());

    public static Result<T> Success<T>(T value) => Result<T>.Success(value);

    /// <summary>Success when <paramref name="errors"/> is empty.</summary>
    public static Result From(IReadOnlyCollection<ValidationError> errors) => errors.Count == 0 ? Ok : new Result(errors.ToArray());
}

/// <summary>A result that carries a value on success.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<ValidationError> errors)
        : base(errors) => _value = value;

    /// <summary>The value; reading it from a failed result is a programming error.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("The operation failed: " + string.Join("; ", Errors));

    public static Result<T> Success(T value) => new(value, []);

    public static new Result<T> Failure(params ValidationError[] errors) =>
        errors.Length == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new Result<T>(default, errors);

    public static new Result<T> Failure(IEnumerable<ValidationError> errors) => Failure(errors.ToArray());
}
