using System.Text;
using System.Text.Json.Nodes;
using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Synthetic;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Scoring;

/// <summary>
/// An artifact that is valid JSON of the right shape but damaged (a hand edit, a bad copy) is refused when read, with
/// the domain error the deployed-model store falls back to the prior on, naming the field: it never loads into a model
/// that throws something else later or scores every outreach NaN.
/// </summary>
public sealed class DamagedArtifactTests
{
    private static readonly Lazy<string> Prior = new(() =>
    {
        using var stream = new MemoryStream();
        SyntheticPriorModel.Train(3_000, 3, new ManualTimeProvider(DateTimeOffset.UnixEpoch)).Model.Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    });

    [Theory]
    [InlineData("weights", "null", "weights")]
    [InlineData("features", "null", "features")]
    [InlineData("features.columns", "null", "features.columns")]
    [InlineData("features.extraColumns", "null", "features.extraColumns")]
    [InlineData("calibration", "null", "calibration")]
    [InlineData("trainingWindow", "null", "trainingWindow")]
    [InlineData("training", "null", "training")]
    [InlineData("weights.3", "\"NaN\"", "weights[3]")]
    [InlineData("bias", "\"Infinity\"", "bias")]
    [InlineData("features.columns.2.scale", "0", "features.columns[2].scale")]
    [InlineData("features.columns.2.mean", "\"NaN\"", "features.columns[2].mean")]
    [InlineData("calibration.a", "\"NaN\"", "calibration")]
    public void A_damaged_artifact_is_refused_naming_the_field(string path, string value, string field)
    {
        var artifact = JsonNode.Parse(Prior.Value)!;
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(artifact, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        if (int.TryParse(parts[^1], out var index))
        {
            parent[index] = JsonNode.Parse(value);
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(value);
        }

        var error = Assert.Throws<DomainException>(() => ResponseModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(artifact.ToJsonString()))));

        Assert.Equal(("model.artifact-invalid", field), (error.Code, error.Target));
    }

    [Fact]
    public void A_truncated_artifact_is_refused_as_not_json()
    {
        var bytes = Encoding.UTF8.GetBytes(Prior.Value);

        var error = Assert.Throws<DomainException>(() => ResponseModel.Load(new MemoryStream(bytes, 0, bytes.Length / 2)));

        Assert.Contains("it is not JSON", error.Message, StringComparison.Ordinal);
    }
}
