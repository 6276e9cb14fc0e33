using RateLimiterOrleans.Lab.Chaos;

namespace RateLimiterOrleans.Lab.Tests;

/// <summary>How <c>./lab chaos</c> counts what clients got against their limit, and lays the cells out.</summary>
public sealed class ChaosTableTests
{
    [Theory]
    [InlineData(new[] { 20, 20, 20 }, 0, 0, "0")]
    [InlineData(new[] { 20, 27, 23 }, 10, 0, "+10")]
    [InlineData(new[] { 18, 20, 19 }, 0, 3, "0 (−3)")]
    [InlineData(new[] { 60, 17, 20 }, 40, 3, "+40 (−3)")]
    public void A_cell_adds_up_each_clients_admissions_beyond_and_short_of_its_limit(int[] admitted, int over, int lost, string text)
    {
        var cell = new ChaosCell("grain", ChaosFailure.Kill, 20, admitted, 300, 0);

        Assert.Equal((over, lost, text), (cell.OverAdmission, cell.Lost, cell.Text));
    }

    [Fact]
    public void The_table_has_a_row_per_mode_and_a_column_per_failure_in_the_order_they_ran()
    {
        ChaosCell Cell(string mode, ChaosFailure failure, int admitted) => new(mode, failure, 20, [admitted, 20], 100, 0);

        string table = ChaosTable.Render(
        [
            Cell("local", ChaosFailure.None, 40),
            Cell("local", ChaosFailure.RedisOutage("closed"), 41),
            Cell("grain", ChaosFailure.None, 20),
        ]);

        Assert.Equal(
            """
            | mode | no failure | Redis down, `fail_mode` closed |
            |---|---|---|
            | `local` | +20 | +21 |
            | `grain` | 0 | not run |

            """.ReplaceLineEndings("\n"),
            table);
    }

    [Fact]
    public void Every_failure_has_its_own_name_and_column()
    {
        Assert.Equal(ChaosFailure.All.Count, ChaosFailure.All.Select(f => f.Name).Distinct().Count());
        Assert.Equal(ChaosFailure.All.Count, ChaosFailure.All.Select(f => f.Column).Distinct().Count());
        Assert.All(ChaosFailure.All, f => Assert.Same(f, ChaosFailure.Named(f.Name)));
    }
}
