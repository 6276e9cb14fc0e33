namespace RateLimiterOrleans.Silo.Http;

/// <summary>The JSON body of every error: a code, the field or header at fault, and a sentence for people.</summary>
public sealed record ApiError(string Error, string Field, string Message)
{
    public IResult ToResult(int statusCode = StatusCodes.Status400BadRequest) => Results.Json(this, statusCode: statusCode);
}
