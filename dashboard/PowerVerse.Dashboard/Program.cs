using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using PowerVerse.Dashboard;
using PowerVerse.Dashboard.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
// The host serves appsettings.json (the API's address; on the local stack its chain): it is not in the build, and the
// WebAssembly loader fetches only the settings files it was built with, so the dashboard reads it itself.
await DashboardSettings.AddServedAsync(builder.Configuration, builder.HostEnvironment.BaseAddress);
builder.Services.AddDashboard(builder.Configuration, builder.HostEnvironment.BaseAddress);
await builder.Build().RunAsync();
