export default definePageConfig({
  navigationBarTitleText: '职称办工作台',
});
