using Microsoft.Extensions.Options;
using Outreach.Functions.Invocation;
using Outreach.Storage;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Imports;

/// <summary>
/// <c>builder.Services.AddImports()</c>: <see cref="ImportsOptions"/> (section <c>Imports</c>), the import record store
/// (table <see cref="StoreTableNames.Imports"/>, container <see cref="ImportBlobLayout.Container"/>), the runner, the erasure of a contact's rows, and the
/// <c>ImportContacts</c> queue function. Uses the table stores and enrolment service <c>AddDispatching()</c> registers.
/// </summary>
internal static class ImportsServiceCollectionExtensions
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddOptions<ImportsOptions>().BindConfiguration(ImportsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var account = sp.GetRequiredService<StorageAccount>();
            return new ImportRecordStore(
                account.GetTable(sp.GetRequiredService<IOptions<StoreTableNames>>().Value.Imports), account.GetBlobContainer(ImportBlobLayout.Container));
        });
        services.AddSingleton(sp => new ImportLeases(
            sp.GetRequiredService<StorageAccount>().GetTable(sp.GetRequiredService<IOptions<StoreTableNames>>().Value.Imports), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ImportStorage>();
        services.AddSingleton<ImportErasure>();
        services.AddSingleton<StoppedImports>();
        services.AddTransient<ImportRunner>();
        services.AddSingleton(sp => new Lazy<ImportStorage>(sp.GetRequiredService<ImportStorage>));
        services.AddSingleton(sp => new Lazy<ImportLeases>(sp.GetRequiredService<ImportLeases>));
        services.AddTransient(sp => new Lazy<ImportRunner>(sp.GetRequiredService<ImportRunner>));
        services.AddSingleton(sp => new Lazy<Core.Accounts.AccountService>(sp.GetRequiredService<Core.Accounts.AccountService>));
        return services.AddQueueFunction<ImportContactsFunction>();
    }
}
