using System.Text;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Tests;

public sealed class StrictJsonObjectTests
{
    private static readonly Dictionary<string, JsonFieldKind> Fields = new()
    {
        ["mode"] = JsonFieldKind.String,
        ["use_redis"] = JsonFieldKind.Boolean,
        ["rate_limit"] = JsonFieldKind.Integer,
    };

    [Fact]
    public void Reads_each_known_field_as_its_kind()
    {
        var (values, error) = Read("""{"mode": "grain", "use_redis": false, "rate_limit": 100}""");

        Assert.Null(error);
        Assert.Equal("grain", values!["mode"]);
        Assert.Equal(false, values["use_redis"]);
        Assert.Equal(100, values["rate_limit"]);
    }

    [Fact]
    public void An_empty_object_has_no_fields_and_no_error()
    {
        var (values, error) = Read("{}");

        Assert.Null(error);
        Assert.Empty(values!);
    }

    [Theory]
    [InlineData("{\"rate_limit\": ")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": 1}}}}}")]
    public void Malformed_or_too_deep_json_is_a_body_error(string body)
    {
        var (values, error) = Read(body);

        Assert.Null(values);
        Assert.Equal(new ApiError("malformed_json", "body", error!.Message), error);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void Anything_but_an_object_is_refused_as_the_body(string body)
    {
        Assert.Equal(new ApiError("malformed_json", "body", "must be a JSON object"), Read(body).Error);
    }

    [Fact]
    public void An_unknown_field_is_named_with_the_fields_expected()
    {
        var error = Read("""{"ratelimit": 5}""").Error;

        Assert.Equal(new ApiError("unknown_field", "ratelimit", "is not a field here; expected one of mode, use_redis, rate_limit"), error);
    }

    [Fact]
    public void A_field_given_twice_is_refused_rather_than_the_last_one_winning()
    {
        Assert.Equal(new ApiError("invalid_field", "rate_limit", "is given more than once"), Read("""{"rate_limit": 5, "rate_limit": 6}""").Error);
    }

    [Theory]
    [InlineData("""{"rate_limit": "100"}""", "rate_limit", "must be a whole number, got the string \"100\"")]
    [InlineData("""{"rate_limit": 10.5}""", "rate_limit", "must be a whole number, got the number 10.5")]
    [InlineData("""{"rate_limit": 99999999999}""", "rate_limit", "must be a whole number, got the number 99999999999")]
    [InlineData("""{"rate_limit": null}""", "rate_limit", "must be a whole number, got null")]
    [InlineData("""{"use_redis": "yes"}""", "use_redis", "must be true or false, got the string \"yes\"")]
    [InlineData("""{"use_redis": 1}""", "use_redis", "must be true or false, got the number 1")]
    [InlineData("""{"mode": 3}""", "mode", "must be a string, got the number 3")]
    [InlineData("""{"mode": ["grain"]}""", "mode", "must be a string, got an array")]
    [InlineData("""{"mode": {}}""", "mode", "must be a string, got an object")]
    [InlineData("""{"mode": true}""", "mode", "must be a string, got true")]
    public void A_value_of_the_wrong_type_names_the_field_and_what_was_sent(string body, string field, string message)
    {
        Assert.Equal(new ApiError("invalid_type", field, message), Read(body).Error);
    }

    [Fact]
    public void A_long_value_is_shortened_in_the_message()
    {
        var error = Read($$"""{"rate_limit": "{{new string('x', 100)}}"}""").Error!;

        Assert.Equal($"must be a whole number, got the string \"{new string('x', 40)}…\"", error.Message);
    }

    private static (IReadOnlyDictionary<string, object>? Values, ApiError? Error) Read(string body) =>
        StrictJsonObject.Read(Encoding.UTF8.GetBytes(body), Fields);
}
