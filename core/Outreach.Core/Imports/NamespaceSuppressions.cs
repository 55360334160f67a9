using System.Diagnostics.CodeAnalysis;

// "Imports" is the feature folder design.md names; the namespace follows the folder. VB callers are not expected.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Outreach.Core.Imports", Justification = "Feature folder name from design.md; no VB consumers.")]
