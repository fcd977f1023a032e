using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>A fresh <see cref="FileTokenStore"/> per test, in a "tokens" folder (not yet created) of a temp directory removed afterwards.</summary>
public abstract class FileTokenStoreFixture
{
    private protected TempDirectory Temp { get; private set; } = null!;

    private protected string StoreDirectory { get; private set; } = null!;

    private protected FileTokenStore Store { get; private set; } = null!;

    [SetUp]
    public void CreateStore()
    {
        Temp = new TempDirectory();
        StoreDirectory = Temp.Combine("tokens");
        Store = new FileTokenStore(StoreDirectory);
    }

    [TearDown]
    public void RemoveStore() => Temp.Dispose();
}
