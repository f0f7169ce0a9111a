using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Hosting;
using PowerVerse.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
FunctionsApp.AddServices(builder.Services, builder.Configuration);
builder.ConfigureDurableWorker().AddTasks(FunctionsApp.AddTasks);
builder.Build().Run();
